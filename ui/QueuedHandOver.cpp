#include "QueuedHandOver.h"

#include <QThread>

void quitAndWait(QThread& thread)
{
    queueHandOver([&] { thread.quit(); });
    thread.wait();
    acquireQueuedHandOver();
}

#if defined(__SANITIZE_THREAD__)

#include <QCoreApplication>
#include <QEvent>

#include <mutex>

extern "C" {
void __tsan_acquire(void* addr);
void __tsan_release(void* addr);
void __tsan_ignore_thread_begin();
void __tsan_ignore_thread_end();
}

namespace {

// One synchronisation object for all hand-overs: a queued call acquires everything released before it was taken,
// which is what Qt's queue guarantees (and, where the call was queued earlier, a little more).
char handOverKey;

bool acquireBeforeQueuedCall(void** data)
{
    // data: receiver, event, result (QCoreApplication::notifyInternal2); false: deliver the event as usual. A
    // deferred delete is the last work of a worker whose thread quitAndWait() stops.
    const QEvent::Type type = static_cast<const QEvent*>(data[1])->type();
    if (type == QEvent::MetaCall || type == QEvent::DeferredDelete)
        __tsan_acquire(&handOverKey);
    return false;
}

} // namespace

void markQueuedHandOvers()
{
    static std::once_flag once;
    std::call_once(once, [] { QInternal::registerCallback(QInternal::EventNotifyCallback, acquireBeforeQueuedCall); });
}

void beginQueuedHandOver()
{
    __tsan_release(&handOverKey);
    __tsan_ignore_thread_begin();
}

void endQueuedHandOver() { __tsan_ignore_thread_end(); }

void acquireQueuedHandOver() { __tsan_acquire(&handOverKey); }

#endif
