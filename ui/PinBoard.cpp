#include "PinBoard.h"

#include <QStringList>

#include <cmath>

bool PinBoard::keep(const aedyn::RunResults& results, const aedyn::ExperimentConfig& config)
{
    if (results.latestTheory() == nullptr)
        return false;
    Pin pin{config, {}, {}};
    const auto& times = results.setup().times;
    for (std::size_t i = 0; i < results.theory().size(); ++i)
        if (const auto& o = results.theory()[i]; o && times[i] > 0 && o->eps > 0 && std::isfinite(o->eps))
            pin.theory.append({times[i], o->eps});
    for (std::size_t i = 0; i < results.simulation().size(); ++i)
        if (const auto& p = results.simulation()[i]; p && results.simulationTimes()[i] > 0 && p->eps > 0)
            pin.simulation.append({results.simulationTimes()[i], p->eps});
    pins_.push_back(std::move(pin));
    return true;
}

int PinBoard::add(const aedyn::ExperimentConfig& config)
{
    pins_.push_back({config, {}, {}});
    return count() - 1;
}

void PinBoard::addTheoryPoint(int pin, double t, double eps)
{
    if (pin >= 0 && pin < count())
        pins_[pin].theory.append({t, eps});
}

void PinBoard::remove(int index)
{
    if (index >= 0 && index < count())
        pins_.erase(pins_.begin() + index);
}

QString PinBoard::label(int index, const std::optional<aedyn::ExperimentConfig>& current) const
{
    if (!current)
        return QStringLiteral("pin %1").arg(index + 1);
    QStringList differences;
    const auto now = aedyn::parameterValues(*current), then = aedyn::parameterValues(pins_.at(index).config);
    for (std::size_t k = 0; k < then.size(); ++k)
        if (then[k].second != now[k].second)
            differences << QStringLiteral("%1 = %2").arg(QString::fromStdString(then[k].first),
                                                        QString::fromStdString(then[k].second));
    return differences.isEmpty() ? QStringLiteral("same parameters") : differences.join(QStringLiteral(", "));
}

QList<PinnedCurve> PinBoard::curves(const std::optional<aedyn::ExperimentConfig>& current) const
{
    QList<PinnedCurve> out;
    for (int i = 0; i < count(); ++i)
        out.append({label(i, current), pins_[i].theory, pins_[i].simulation});
    return out;
}
