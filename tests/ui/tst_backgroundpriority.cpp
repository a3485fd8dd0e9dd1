// The computation threads run below the GUI thread's priority, and so do the threads they start (the SGD
// ensemble's workers, the ODE's half-worker), so that painting and input are not queued behind them on two cores.
#include "BackgroundPriority.h"

#include <QObject>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <thread>

class TestBackgroundPriority : public QObject {
    Q_OBJECT
private slots:
    void workerAndItsThreadsRunNiced()
    {
        const int gui = currentThreadNice();
        QThread thread;
        startInBackground(thread);
        QObject worker;
        worker.moveToThread(&thread);
        int niceOfWorker = -100, niceOfItsThread = -100;
        QMetaObject::invokeMethod(&worker, [&] {
            niceOfWorker = currentThreadNice();
            std::thread([&] { niceOfItsThread = currentThreadNice(); }).join();
        }, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
#if defined(__linux__)
        // Relative to the GUI thread's, which is not 0 when the tests themselves run niced.
        QCOMPARE(niceOfWorker, std::min(gui + backgroundNice, 19));
        QCOMPARE(niceOfItsThread, niceOfWorker);
#endif
        QCOMPARE(currentThreadNice(), gui);  // the GUI thread keeps its own
    }
};

QTEST_GUILESS_MAIN(TestBackgroundPriority)
#include "tst_backgroundpriority.moc"
