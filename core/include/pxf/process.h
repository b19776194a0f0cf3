/* pxf/process.h - process primitives (1003.9 clause 3) and process ids.
 *
 * Convention: each function returns 0 or an errno value; results come back
 * through pointers, which are written only on success.
 */
#ifndef PXF_PROCESS_H
#define PXF_PROCESS_H

#ifdef __cplusplus
extern "C" {
#endif

/* Hooks run around every fork the library makes, in the calling thread:
 * before() just before the fork, parent() in the parent after it (also when
 * the fork failed), child() first thing in the child. The Python package
 * installs the interpreter's PyOS_BeforeFork/AfterFork_* here so a fork made
 * through pxf keeps the interpreter as sound as os.fork() does. Any pointer
 * may be NULL. Setting them is not meant to race with a fork. */
typedef void (*pxf_fork_hook)(void);
void pxf_set_fork_hooks(pxf_fork_hook before, pxf_fork_hook parent,
                        pxf_fork_hook child);

/* Flush C stdio, then run the hooks around fork(2). *pid is 0 in the child
 * and the child's pid in the parent. Fortran units are flushed by the
 * Fortran layer before it calls this. */
int pxf_fork(int *pid);

int pxf_getpid(int *pid);
int pxf_getppid(int *pid);

/* wait(2)/waitpid(2): the raw status and the pid that was reaped
 * (0 with WNOHANG when no child has changed state). EINTR is returned,
 * not retried: a caller that set an alarm wants to see it. Both add
 * __WALL, so children that signal their exit with something other than
 * SIGCHLD (rfork's RFTSIGZMB, RFLINUXTHPN) are waited for too. */
int pxf_wait(int *status, int *retpid);
int pxf_waitpid(int pid, int options, int *status, int *retpid);

/* The <sys/wait.h> macros, exactly. */
int pxf_wifexited(int status);
int pxf_wifsignaled(int status);
int pxf_wifstopped(int status);
int pxf_wexitstatus(int status);
int pxf_wtermsig(int status);
int pxf_wstopsig(int status);

int pxf_kill(int pid, int sig);

/* exit(3) (atexit handlers, stdio flush) and _exit(2) with the low 8 bits
 * of status, as the kernel keeps them. Never return. */
_Noreturn void pxf_exit(long long status);
_Noreturn void pxf_fastexit(long long status);

/* exec family. Return only on failure, with the errno, and leave the
 * process as it was. C stdio is flushed first so no output is lost. */
int pxf_execv(const char *path, char *const argv[]);
int pxf_execve(const char *path, char *const argv[], char *const envp[]);
int pxf_execvp(const char *file, char *const argv[]);

/* The same, with argv (and envp) given as `count` NUL-terminated strings
 * laid end to end in one buffer: the form the Fortran layer builds. */
int pxf_execv_packed(const char *path, const char *args, int nargs);
int pxf_execve_packed(const char *path, const char *args, int nargs,
                      const char *envs, int nenvs);
int pxf_execvp_packed(const char *file, const char *args, int nargs);

/* sleep(3): *left = seconds not slept (interrupted by a signal);
 * alarm(2): *left = seconds that remained of the previous alarm.
 * Negative seconds: EINVAL. */
int pxf_sleep(int seconds, int *left);
int pxf_alarm(int seconds, int *left);

/* system(3) after fflush(NULL): 0 when the shell ran the command (*status
 * its wait status), else the errno of the failed fork; an empty command
 * asks for a shell: 0, or ENOENT without one. */
int pxf_system(const char *command);
int pxf_systemstatus(const char *command, int *status);

#ifdef __cplusplus
}
#endif

#endif
