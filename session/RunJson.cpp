#include "RunJson.h"

#include "ImageDataModel.h"
#include "ParameterJson.h"

#include <QJsonArray>

namespace {

QJsonArray toArray(const std::vector<double>& v)
{
    QJsonArray a;
    for (double x : v)
        a.append(x);
    return a;
}

} // namespace

QJsonObject runJson(const aedyn::Experiment& e, const QString& preset, const QStringList& arguments,
                    const RouteReport& theory, const RouteReport& simulation, double totalSeconds,
                    const std::vector<std::string>& columns)
{
    const QJsonObject params = parametersToJson(e.config());

    const aedyn::ModeSpectrum& modes = e.data().modes();
    QJsonObject spectrum;
    spectrum.insert("D", modes.D);
    spectrum.insert("tracked_eigenvalues_over_D",
                    toArray(std::vector<double>(modes.rho.data(), modes.rho.data() + modes.rho.size())));
    spectrum.insert("bulk_eigenvalue_over_D", modes.bulkRho);
    spectrum.insert("bulk_multiplicity", static_cast<double>(modes.bulkCount));
    spectrum.insert("trace_over_D", modes.traceOverD());

    QJsonObject seeds;
    seeds.insert("seed", static_cast<double>(e.config().seed));
    // Derived seeds exceed 2^53, so they are written as text to stay exact.
    seeds.insert("rows", QString::number(e.dataSeed()));
    seeds.insert("initial_weights", QString::number(e.initSeed()));
    seeds.insert("data_streams", QString::number(e.streamSeed()));
    seeds.insert("stream_of_run", QStringLiteral("run r (0-based) draws from stream r of data_streams"));

    auto route = [](const RouteReport& r) {
        return QJsonObject{{"status", r.status}, {"wall_time_s", r.wallSeconds}};
    };
    QJsonArray cols;
    for (const std::string& c : columns)
        cols.append(QString::fromStdString(c));

    QJsonObject o;
    if (const auto* images = dynamic_cast<const aedyn::ImageDataModel*>(&e.data())) {
        // Which files were read, so that a run on real images can be traced to its data.
        const aedyn::ImageDataset& d = images->images();
        QJsonObject files{{"name", QString::fromStdString(d.name)},
                          {"train_file", QString::fromStdString(d.trainPath)},
                          {"train_images", static_cast<double>(d.trainCount)},
                          {"test_file", QString::fromStdString(d.testPath)},
                          {"test_images", static_cast<double>(d.test.count)},
                          {"test_note", QString::fromStdString(d.testNote)},
                          {"image_rows", d.rows},
                          {"image_cols", d.cols},
                          {"spectrum_from_cache", d.spectrumFromCache}};
        // A theory-only run of known files never reads the training images.
        if (d.trainingLoaded())
            files.insert("pixels_from_cache", d.training().fromCache);
        o.insert("images", files);
    }
    o.insert("aedyn_version", QStringLiteral(AEDYN_VERSION));
    o.insert("preset", preset);
    o.insert("command_line", QJsonArray::fromStringList(arguments));
    o.insert("parameters", params);
    o.insert("seeds", seeds);
    o.insert("spectrum", spectrum);
    o.insert("pca_errors", toArray(e.pcaErrors()));
    o.insert("grid_points", static_cast<int>(e.times().size()));
    o.insert("theory", route(theory));
    o.insert("simulation", route(simulation));
    o.insert("wall_time_s", totalSeconds);
    o.insert("columns", cols);
    return o;
}
