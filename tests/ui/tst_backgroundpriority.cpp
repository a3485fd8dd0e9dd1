// The computation threads run below the GUI thread's priority, and so do the threads they start (the SGD
// ensemble's workers, the ODE's half-worker), so that painting and input are not queued behind them on two cores.
#include "BackgroundPriority.h"

#include <QObject>
#include <QTest>
#include <QThread>

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
        QVERIFY2(niceOfWorker >= backgroundNice && niceOfWorker > gui,
                 qPrintable(QStringLiteral("worker %1, GUI %2").arg(niceOfWorker).arg(gui)));
        QCOMPARE(niceOfItsThread, niceOfWorker);
#endif
        QCOMPARE(currentThreadNice(), gui);  // the GUI thread keeps its own
    }
};

QTEST_GUILESS_MAIN(TestBackgroundPriority)
#include "tst_backgroundpriority.moc"
