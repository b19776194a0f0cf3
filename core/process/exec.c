/* exec.c - the exec family (1003.9 clause 3.1.2). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <pxf/process.h>
#include "common/internal.h"

int pxf_execv(const char *path, char *const argv[])
{
    fflush(NULL); /* a successful exec would discard the buffers */
    execv(path, argv);
    return errno;
}

int pxf_execve(const char *path, char *const argv[], char *const envp[])
{
    fflush(NULL);
    execve(path, argv, envp);
    return errno;
}

int pxf_execvp(const char *file, char *const argv[])
{
    fflush(NULL);
    execvp(file, argv);
    return errno;
}

int pxf_execv_packed(const char *path, const char *args, int nargs)
{
    if (nargs < 0)
        return EINVAL;
    char **argv = pxf_unpack_strings(args, nargs);
    if (argv == NULL)
        return ENOMEM;
    int err = pxf_execv(path, argv);
    free(argv);
    return err;
}

int pxf_execve_packed(const char *path, const char *args, int nargs,
                      const char *envs, int nenvs)
{
    if (nargs < 0 || nenvs < 0)
        return EINVAL;
    char **argv = pxf_unpack_strings(args, nargs);
    char **envp = pxf_unpack_strings(envs, nenvs);
    int err = ENOMEM;
    if (argv != NULL && envp != NULL)
        err = pxf_execve(path, argv, envp);
    free(argv);
    free(envp);
    return err;
}

int pxf_execvp_packed(const char *file, const char *args, int nargs)
{
    if (nargs < 0)
        return EINVAL;
    char **argv = pxf_unpack_strings(args, nargs);
    if (argv == NULL)
        return ENOMEM;
    int err = pxf_execvp(file, argv);
    free(argv);
    return err;
}
