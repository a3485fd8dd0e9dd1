#pragma once
// Parameters as typed JSON, by the schema's type of each key: numbers as numbers, flags as true/false, the spike
// list as an array, choices and paths as strings. Projects and run.json write it; projects read it back strictly
// (a string where a number belongs is refused, naming the key), never by guessing from the text.
#include "ExperimentConfig.h"
#include "ParameterSchema.h"

#include <QJsonObject>
#include <QJsonValue>

QJsonValue parameterToJson(const aedyn::ParameterSpec& spec, const aedyn::ParameterValue& value);
// Throws aedyn::ConfigError naming the key when the JSON value has the wrong type or is out of range.
aedyn::ParameterValue parameterFromJson(const aedyn::ParameterSpec& spec, const QJsonValue& json);

// Every key of the schema (M included, for readers; it is ignored when read back).
QJsonObject parametersToJson(const aedyn::ExperimentConfig& c);
// Defaults overridden by the object's keys, then validated; throws ConfigError naming the bad key.
aedyn::ExperimentConfig parametersFromJson(const QJsonObject& o);
