#pragma once
// The editor of one parameter, chosen by its schema type: a combo box for choices, a check box for flags and a
// line edit otherwise. The panel and the lecture strip build theirs here, so both offer the same values.
#include "ParameterSchema.h"

#include <QString>
#include <QWidget>

#include <functional>

QWidget* makeParameterField(const aedyn::ParameterSpec& spec, QWidget* parent = nullptr);
// The field's value as text, in the form parseParameter reads.
QString parameterFieldText(const QWidget* field);
// Sets the field without emitting the user-edit notification.
void setParameterFieldText(QWidget* field, const QString& text);
// Calls onEdit whenever the user changes the field (typing, choosing, ticking).
void onParameterFieldEdited(QWidget* field, QObject* context, const std::function<void(const QString&)>& onEdit);
// The label of a key: its name as in presets and the CLI, with the paper's symbol where it has one.
QString parameterLabel(const aedyn::ParameterSpec& spec);
