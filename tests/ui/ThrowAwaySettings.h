#pragma once
// GUI tests keep recent files and window state in a throw-away settings folder, never the user's.
#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>

inline void useThrowAwaySettings()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("AEDyn-test"));
    QSettings().clear();
}
