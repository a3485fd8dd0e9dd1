#pragma once
// ThreadSanitizer and Qt's queued calls. Debian's Qt is not instrumented, so TSan does not see the lock under which
// one thread queues an event and another takes it: every argument a queued call copies, and every result a queued
// lambda carries, would be reported as a race. In a TSan build (-DAEDYN_SANITIZE=thread) the two halves of each
// hand-over are marked instead, as Qt's queue orders them: the sending thread releases before it queues, and the
// copies Qt makes while queueing are not recorded (only the receiving thread touches them, after taking them from
// the queue); every queued call acquires before it runs. Elsewhere these compile to nothing.
#include <utility>

class QThread;

#if defined(__SANITIZE_THREAD__)
void markQueuedHandOvers();  // once per process, before the first queued call: queued calls acquire
void beginQueuedHandOver();
void endQueuedHandOver();
// A task taken from a queue that is not Qt's event queue (QThreadPool's) acquires itself, when it starts.
void acquireQueuedHandOver();
#else
inline void markQueuedHandOvers() {}
inline void beginQueuedHandOver() {}
inline void endQueuedHandOver() {}
inline void acquireQueuedHandOver() {}
#endif

// Stops `thread` and waits for it, as a hand-over both ways: what this thread did before happens before the
// thread's last work (deleting its objects), and everything that thread did happens before what follows here. Qt's
// threads are detached and finish on Qt's own wait condition, neither of which TSan sees.
void quitAndWait(QThread& thread);

// Runs `queue` — an emit of a signal connected across threads, a QMetaObject::invokeMethod with
// Qt::QueuedConnection, or a QThreadPool::start — as a hand-over to the receiving thread.
template <class Queue>
void queueHandOver(Queue&& queue)
{
    beginQueuedHandOver();
    std::forward<Queue>(queue)();
    endQueuedHandOver();
}
