#include "ParameterJson.h"

#include <QJsonArray>

using aedyn::ParameterType;

namespace {

const char* jsonKind(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Bool:
        return "flag";
    case QJsonValue::Double:
        return "number";
    case QJsonValue::String:
        return "string";
    case QJsonValue::Array:
        return "array";
    case QJsonValue::Object:
        return "object";
    default:
        return "null";
    }
}

} // namespace

QJsonValue parameterToJson(const aedyn::ParameterSpec& spec, const aedyn::ParameterValue& value)
{
    switch (spec.type) {
    case ParameterType::Integer:
    case ParameterType::Real:
        return std::get<double>(value);
    case ParameterType::RealList: {
        QJsonArray a;
        for (double x : std::get<std::vector<double>>(value))
            a.append(x);
        return a;
    }
    case ParameterType::Flag:
        return std::get<bool>(value);
    case ParameterType::Choice:
    case ParameterType::Text:
        return QString::fromStdString(std::get<std::string>(value));
    }
    return {};
}

aedyn::ParameterValue parameterFromJson(const aedyn::ParameterSpec& spec, const QJsonValue& json)
{
    auto wrongType = [&](const char* what) {
        const QString shown = json.isString() ? json.toString() : QStringLiteral("a JSON ") + QLatin1String(what);
        throw aedyn::ConfigError(spec.key + " = '" + shown.toStdString() + "': " + spec.expectation(), spec.key);
    };
    const char* kind = jsonKind(json);
    aedyn::ParameterValue value;
    switch (spec.type) {
    case ParameterType::Integer:
    case ParameterType::Real:
        if (!json.isDouble())
            wrongType(kind);
        value = json.toDouble();
        break;
    case ParameterType::RealList: {
        if (!json.isArray())
            wrongType(kind);
        std::vector<double> list;
        for (const QJsonValue& x : json.toArray()) {
            if (!x.isDouble())
                wrongType("array holding a non-number");
            list.push_back(x.toDouble());
        }
        value = list;
        break;
    }
    case ParameterType::Flag:
        if (!json.isBool())
            wrongType(kind);
        value = json.toBool();
        break;
    case ParameterType::Choice:
    case ParameterType::Text:
        if (!json.isString())
            wrongType(kind);
        value = json.toString().toStdString();
        break;
    }
    aedyn::checkParameter(spec, value);
    return value;
}

QJsonObject parametersToJson(const aedyn::ExperimentConfig& c)
{
    QJsonObject o;
    for (const aedyn::ParameterSpec& spec : aedyn::parameterSchema())
        o.insert(QString::fromStdString(spec.key), parameterToJson(spec, spec.get(c)));
    return o;
}

aedyn::ExperimentConfig parametersFromJson(const QJsonObject& o)
{
    aedyn::ExperimentConfig c;
    for (auto it = o.begin(); it != o.end(); ++it) {
        const aedyn::ParameterSpec& spec = aedyn::parameterSpec(it.key().toStdString());
        if (spec.key == "M")
            continue;  // the length of spikes, written for readers only
        spec.set(c, parameterFromJson(spec, it.value()));
    }
    aedyn::validate(c);
    return c;
}
