#include "ProjectSession.h"

#include <QFileInfo>
#include <QSettings>

std::optional<Project> ProjectSession::open(const QString& path, QString* error)
{
    auto project = loadProject(path, error);
    if (project)
        remember(path);
    return project;
}

bool ProjectSession::save(const QString& path, const Project& project, QString* error)
{
    if (!saveProject(path, project, error))
        return false;
    remember(path);
    return true;
}

QStringList ProjectSession::recent() const { return QSettings().value(QStringLiteral("recentProjects")).toStringList(); }

void ProjectSession::remember(const QString& path)
{
    path_ = path;
    QStringList list = recent();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > 8)
        list.removeLast();
    QSettings().setValue(QStringLiteral("recentProjects"), list);
}

QString ProjectSession::windowTitle() const
{
    const QString base = QStringLiteral("AEDyn — autoencoder learning dynamics");
    return path_.isEmpty() ? base : QFileInfo(path_).fileName() + QStringLiteral(" — ") + base;
}
