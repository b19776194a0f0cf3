/* errno_preset.c DIR - reads DIR with pxf_readdir (<pxf/dirs.h>), Cray's
 * form, once for each value errno is set to before every call: the end of
 * the stream must be PXF_EEND and every entry read whatever errno held
 * (catalog section 7, defect 6: Cray's library told the end from an error
 * by a value it preset errno to). Prints preset=V entries=N end=ERR. */
#include <errno.h>
#include <stdio.h>

#include <pxf/pxf.h>

int main(int argc, char **argv)
{
    if (argc != 2)
        return 2;
    const int presets[] = {0, -1, EIO, ENOENT, EBADF, PXF_EEND, PXF_EBADID, 12345};
    for (size_t i = 0; i < sizeof presets / sizeof presets[0]; i++) {
        int id, err = pxf_opendir(argv[1], &id);
        if (err != 0)
            return 3;
        int entries = 0;
        for (;;) {
            int handle = 0;
            errno = presets[i];
            err = pxf_readdir(id, &handle);
            if (err != 0)
                break;
            entries++;
            pxf_structfree(handle);
        }
        printf("preset=%d entries=%d end=%d\n", presets[i], entries, err);
        pxf_closedir(id);
    }
    return 0;
}
