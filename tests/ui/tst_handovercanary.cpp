// The marks of ui/QueuedHandOver.h order only what a queue orders. A worker thread writes a value, hands a call to
// the GUI thread through queueHandOver, and the call reads the value: ordered, so ThreadSanitizer stays silent.
// A worker that writes the value again after the hand-over races with that read, and ThreadSanitizer must say so:
// in a -DAEDYN_SANITIZE=thread build CTest runs that function on its own and expects it to fail (tests/ui/
// CMakeLists.txt). In every other build both pass, having checked that the call arrived with a value it could see.
#include "QueuedHandOver.h"

#include <QObject>
#include <QTest>

#include <optional>
#include <thread>

class TestHandOverCanary : public QObject {
    Q_OBJECT

    // The worker's writes: `before` ahead of the hand-over, `after` (if any) behind it; returns what the call read.
    static int handOver(int before, std::optional<int> after)
    {
        markQueuedHandOvers();
        int shared = 0;  // plain memory, as the results a worker hands over are
        int seen = -1;
        QObject receiver;  // lives in this, the GUI, thread
        std::thread worker([&] {
            shared = before;
            queueHandOver([&] {
                QMetaObject::invokeMethod(&receiver, [&] { seen = shared; }, Qt::QueuedConnection);
            });
            if (after)
                shared = *after;
        });
        const bool arrived = QTest::qWaitFor([&] { return seen != -1; }, 10000);
        worker.join();
        return arrived ? seen : -1;
    }

private slots:
    void handOverOrdersWhatCameBefore() { QCOMPARE(handOver(7, std::nullopt), 7); }

    void raceAfterTheHandOverIsSeen()
    {
        const int seen = handOver(7, 8);
        QVERIFY2(seen == 7 || seen == 8, qPrintable(QString::number(seen)));
    }
};

QTEST_GUILESS_MAIN(TestHandOverCanary)
#include "tst_handovercanary.moc"
