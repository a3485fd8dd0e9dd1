#pragma once

class QThread;

// Computation threads yield to the GUI thread. Linux keeps the nice value per thread, and threads started later
// from a niced thread (the SGD ensemble's workers, the ODE's half-worker) inherit it; Qt's QThread priorities change
// nothing under the default scheduler, so the value is set directly. A failure leaves the default priority.
void startInBackground(QThread& thread);

// How much nicer the computation threads are than the thread that starts them: by 5, the GUI thread wins a shared
// core about 3 : 1.
constexpr int backgroundNice = 5;
int backgroundNiceFor(int starterNice);  // the most nice Linux allows is 19

// The nice value of the calling thread (for tests).
int currentThreadNice();
