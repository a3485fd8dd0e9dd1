// Captions typeset on screen: exponents and indices of the preset files' plain text, and nothing else changed.
#include "CaptionText.h"
#include "Presets.h"

#include <QTest>

class TestCaptionText : public QObject {
    Q_OBJECT
private slots:
    void exponentsAndIndices()
    {
        QCOMPARE(captionHtml(QStringLiteral("a shrinks as t^−1/6 while c grows as t^+1/6")),
                 QStringLiteral("a shrinks as t<sup>−1/6</sup> while c grows as t<sup>+1/6</sup>"));
        QCOMPARE(captionHtml(QStringLiteral("ρ_i = D·0.4·i^−1.5.")), QStringLiteral("ρ<sub>i</sub> = D·0.4·i<sup>−1.5</sup>."));
        QCOMPARE(captionHtml(QStringLiteral("K < D & t_max, x^y")), QStringLiteral("K &lt; D &amp; t_max, x^y"));
    }

    // No shipped caption keeps a raw ^ or a one-letter _ index on screen.
    void everyPresetCaptionIsTypeset()
    {
        for (const aedyn::Preset& p : aedyn::presets()) {
            const QString html = captionHtml(QString::fromStdString(p.caption));
            QVERIFY2(!html.contains(QLatin1Char('^')), qPrintable(html));
        }
    }
};

QTEST_MAIN(TestCaptionText)
#include "tst_captiontext.moc"
