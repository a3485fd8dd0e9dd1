#include "OffThreadPainter.h"

OffThreadPainter::OffThreadPainter(QObject* parent)
    : QObject(parent)
    , worker_(new QObject)
{
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    thread_.start(QThread::LowPriority);
}

OffThreadPainter::~OffThreadPainter()
{
    // A delivery posted by the job under way is dropped with this object.
    thread_.quit();
    thread_.wait();
}

void OffThreadPainter::paint(Job job)
{
    if (inline_) {
        lastThread_ = QThread::currentThread();
        job()();
        return;
    }
    if (busy_)
        waiting_ = std::move(job);
    else
        start(std::move(job));
}

void OffThreadPainter::start(Job job)
{
    busy_ = true;
    QMetaObject::invokeMethod(worker_, [this, job = std::move(job)] {
        Delivery deliver = job();
        const QThread* painter = QThread::currentThread();
        QMetaObject::invokeMethod(this, [this, deliver = std::move(deliver), painter] {
            lastThread_ = painter;
            deliver();
            busy_ = false;
            if (waiting_) {
                Job next = std::move(*waiting_);
                waiting_.reset();
                start(std::move(next));
            }
        }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}
