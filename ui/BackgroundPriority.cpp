#include "BackgroundPriority.h"

#include <QThread>

#include <algorithm>
#include <cerrno>

#if defined(__linux__)
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace {

#if defined(__linux__)
pid_t threadId() { return static_cast<pid_t>(::syscall(SYS_gettid)); }
#endif

} // namespace

void startInBackground(QThread& thread)
{
#if defined(__linux__)
    // Run first thing in the new thread (direct connection), before any work reaches it.
    // Relative to the nice value inherited from the starting thread, so that a program started niced keeps its
    // computation below its GUI too.
    QObject::connect(
        &thread, &QThread::started, &thread,
        [] { ::setpriority(PRIO_PROCESS, static_cast<id_t>(threadId()), backgroundNiceFor(currentThreadNice())); },
        Qt::DirectConnection);
    thread.start();
#else
    thread.start(QThread::LowPriority);
#endif
}

int backgroundNiceFor(int starterNice) { return std::min(starterNice + backgroundNice, 19); }

int currentThreadNice()
{
#if defined(__linux__)
    errno = 0;
    return ::getpriority(PRIO_PROCESS, static_cast<id_t>(threadId()));
#else
    return 0;
#endif
}
