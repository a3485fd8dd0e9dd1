#pragma once
// Paints pictures — weight vectors, image tiles — off the GUI thread, so that a frame of the dashboard only hands
// prepared QImages to the widgets. One picture at a time on a thread of its own: a request made while one is being
// painted waits, and a newer request replaces it (only the latest picture is worth painting), so a slow picture
// never builds a queue. The finished picture reaches the owner's thread by a queued call.
#include <QObject>
#include <QThread>

#include <functional>
#include <optional>

class OffThreadPainter : public QObject {
    Q_OBJECT
public:
    using Delivery = std::function<void()>;  // runs on the owner's thread: shows the picture
    using Job = std::function<Delivery()>;   // runs on the painter's thread: paints it

    explicit OffThreadPainter(QObject* parent = nullptr);
    ~OffThreadPainter() override;  // waits for the picture under way

    void paint(Job job);
    // Figures for export paint at once on the calling thread: nobody watches them being made.
    void setInline(bool paintInline) { inline_ = paintInline; }
    bool idle() const { return !busy_ && !waiting_; }
    // The thread the last delivered picture was painted on (for tests: never the GUI thread on screen).
    const QThread* lastPaintThread() const { return lastThread_; }

private:
    void start(Job job);

    QThread thread_;
    QObject* worker_;  // lives in thread_
    std::optional<Job> waiting_;
    bool busy_ = false;
    bool inline_ = false;
    const QThread* lastThread_ = nullptr;
};
