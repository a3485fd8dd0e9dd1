#include "BackgroundPriority.h"

#include <QThread>

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
    QObject::connect(&thread, &QThread::started, &thread,
                     [] { ::setpriority(PRIO_PROCESS, static_cast<id_t>(threadId()), backgroundNice); },
                     Qt::DirectConnection);
    thread.start();
#else
    thread.start(QThread::LowPriority);
#endif
}

int currentThreadNice()
{
#if defined(__linux__)
    errno = 0;
    return ::getpriority(PRIO_PROCESS, static_cast<id_t>(threadId()));
#else
    return 0;
#endif
}
