#pragma once
// One relative-tolerance comparison for every numerical test: |actual − expected| ≤ rel·|expected| + abs.
#include <QTest>

#include <cmath>

namespace aedyn::test {

inline bool closeTo(double actual, double expected, double rel, double abs = 0.0)
{
    return std::isfinite(actual) && std::abs(actual - expected) <= rel * std::abs(expected) + abs;
}

} // namespace aedyn::test

// Fails the test with both values and the tolerance when they differ by more than allowed.
#define AEDYN_COMPARE_REL(actual, expected, rel)                                                                   \
    do {                                                                                                           \
        const double a_ = (actual), e_ = (expected);                                                               \
        if (!aedyn::test::closeTo(a_, e_, (rel)))                                                                  \
            QFAIL(qPrintable(QStringLiteral("%1 = %2, expected %3 within relative %4")                            \
                                 .arg(QStringLiteral(#actual)).arg(a_, 0, 'g', 12).arg(e_, 0, 'g', 12)             \
                                 .arg(double(rel))));                                                              \
    } while (false)

#define AEDYN_COMPARE_ABS(actual, expected, absTol)                                                                \
    do {                                                                                                           \
        const double a_ = (actual), e_ = (expected);                                                               \
        if (!aedyn::test::closeTo(a_, e_, 0.0, (absTol)))                                                          \
            QFAIL(qPrintable(QStringLiteral("%1 = %2, expected %3 within absolute %4")                            \
                                 .arg(QStringLiteral(#actual)).arg(a_, 0, 'g', 12).arg(e_, 0, 'g', 12)             \
                                 .arg(double(absTol))));                                                           \
    } while (false)
