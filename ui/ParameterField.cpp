#include "ParameterField.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QSignalBlocker>

QWidget* makeParameterField(const aedyn::ParameterSpec& spec, QWidget* parent)
{
    QWidget* field = nullptr;
    if (spec.type == aedyn::ParameterType::Choice) {
        auto* combo = new QComboBox(parent);
        for (const std::string& c : spec.choices)
            combo->addItem(QString::fromStdString(c));
        field = combo;
    } else if (spec.type == aedyn::ParameterType::Flag) {
        field = new QCheckBox(parent);
    } else {
        field = new QLineEdit(parent);
    }
    field->setObjectName(QString::fromStdString(spec.key));
    QString tip = QString::fromStdString(spec.help);
    if (!spec.unit.empty())
        tip += QStringLiteral(" [%1]").arg(QString::fromStdString(spec.unit));
    field->setToolTip(tip);
    return field;
}

QString parameterFieldText(const QWidget* field)
{
    if (const auto* c = qobject_cast<const QComboBox*>(field))
        return c->currentText();
    if (const auto* c = qobject_cast<const QCheckBox*>(field))
        return c->isChecked() ? QStringLiteral("true") : QStringLiteral("false");
    return static_cast<const QLineEdit*>(field)->text();
}

void setParameterFieldText(QWidget* field, const QString& text)
{
    const QSignalBlocker block(field);
    if (auto* c = qobject_cast<QComboBox*>(field))
        c->setCurrentText(text);
    else if (auto* c = qobject_cast<QCheckBox*>(field))
        c->setChecked(text == QLatin1String("true"));
    else if (auto* e = qobject_cast<QLineEdit*>(field); e && e->text() != text)
        e->setText(text);
}

void onParameterFieldEdited(QWidget* field, QObject* context, const std::function<void(const QString&)>& onEdit)
{
    auto notify = [field, onEdit] { onEdit(parameterFieldText(field)); };
    if (auto* c = qobject_cast<QComboBox*>(field))
        QObject::connect(c, &QComboBox::currentIndexChanged, context, notify);
    else if (auto* c = qobject_cast<QCheckBox*>(field))
        QObject::connect(c, &QCheckBox::toggled, context, notify);
    else
        QObject::connect(static_cast<QLineEdit*>(field), &QLineEdit::textEdited, context, notify);
}

QString parameterLabel(const aedyn::ParameterSpec& spec)
{
    const QString name = QString::fromStdString(spec.key);
    return spec.symbol.empty() ? name : QStringLiteral("%1 (%2)").arg(name, QString::fromStdString(spec.symbol));
}
