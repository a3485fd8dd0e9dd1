#pragma once
// The project the window works on: its path, opening and saving through the session library, and the list of
// recent projects (QSettings keeps only that list and the window layout, never parameters).
#include "ProjectFile.h"

#include <QString>
#include <QStringList>

#include <optional>

class ProjectSession {
public:
    // The project in `path`, or nothing with *error naming the file and the problem.
    std::optional<Project> open(const QString& path, QString* error);
    bool save(const QString& path, const Project& project, QString* error);

    QString path() const { return path_; }
    QStringList recent() const;
    // "fig2.aedyn — AEDyn — autoencoder learning dynamics"
    QString windowTitle() const;

private:
    void remember(const QString& path);
    QString path_;
};
