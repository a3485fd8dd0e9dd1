#include "SweepWindow.h"

#include "ChartData.h"
#include "CostEstimate.h"
#include "Experiment.h"
#include "ParameterSchema.h"

#include <QBoxLayout>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>

namespace {

struct QuantityChoice {
    const char* name;    // the spec's word; "curve" for the family
    const char* label;
    const char* fieldA;  // its values' names, empty when it has none
    const char* fieldB;
    const char* defaultA;
    const char* defaultB;
};

const QuantityChoice kQuantities[] = {
    {"curve", "learning curves ε(t) (a family)", "", "", "", ""},
    {"eps_final", "final error ε(t_max)", "", "", "", ""},
    {"eps_at", "error ε at a time T", "T", "", "100", ""},
    {"escape", "escape time: first t with ε < level", "level", "", "0.5", ""},
    {"slope", "fitted exponent: slope of log ε vs log t", "from T1", "to T2", "10", "100"},
    {"cos_final", "final overlap |cos(w_K, e_M)|", "unit K", "mode M", "1", "1"},
    {"gap", "SGD–theory gap (needs SGD)", "", "", "", ""},
};

// The line of a spec file that sweeps `key`, its values as written ("log 100 6400 7"): the editor shows a range
// as a range, which the expanded values no longer tell.

QString sweptValuesText(const QString& spec, const std::string& key)
{
    for (QString line : spec.split(QLatin1Char('\n'))) {
        line = line.section(QLatin1Char('#'), 0, 0).trimmed();
        const QString lhs = line.section(QLatin1Char('='), 0, 0).simplified();
        if (lhs == QStringLiteral("sweep ") + QString::fromStdString(key))
            return line.section(QLatin1Char('='), 1).simplified();
    }
    return {};
}

} // namespace

SweepWindow::SweepWindow(QWidget* parent)
    : QWidget(parent, Qt::Window)
    , quantity_(new QComboBox)
    , quantityA_(new QLabel)
    , quantityB_(new QLabel)
    , quantityValueA_(new QLineEdit)
    , quantityValueB_(new QLineEdit)
    , simulate_(new QCheckBox(QStringLiteral("also simulate (SGD)")))
    , cost_(new QLabel)
    , route_(new QComboBox)
    , fixedText_(new QLabel)
    , clearFixed_(new QPushButton(QStringLiteral("Drop its sets")))
    , problem_(new QLabel)
    , progress_(new QLabel)
    , cancel_(new QPushButton(QStringLiteral("Cancel")))
    , plot_(new SweepPlot)
{
    setWindowTitle(QStringLiteral("AEDyn — sweep"));
    setObjectName(QStringLiteral("sweepWindow"));
    resize(1100, 640);
    axes_[0] = makeAxisEditor(false);
    axes_[1] = makeAxisEditor(true);
    for (const QuantityChoice& q : kQuantities)
        quantity_->addItem(QString::fromUtf8(q.label), QString::fromLatin1(q.name));

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    fixedText_->setWordWrap(true);
    fixedText_->setObjectName(QStringLiteral("sweepTemplateSets"));
    showFixed();

    for (int i = 0; i < 2; ++i) {
        const AxisEditor& e = axes_[i];
        form->addRow(i == 0 ? QStringLiteral("Sweep") : QStringLiteral("and"), e.key);
        form->addRow(QStringLiteral("values"), e.kind);
        form->addRow(QString(), e.listRow);
        form->addRow(QString(), e.rangeRow);
    }
    form->addRow(QStringLiteral("Show"), quantity_);
    form->addRow(quantityA_, quantityValueA_);
    form->addRow(quantityB_, quantityValueB_);
    route_->addItem(QStringLiteral("theory (ODE)"), QStringLiteral("ode"));
    route_->addItem(QStringLiteral("simulation (SGD mean)"), QStringLiteral("sgd"));
    form->addRow(QStringLiteral("of"), route_);
    simulate_->setObjectName(QStringLiteral("sweepSimulate"));
    simulate_->setToolTip(QStringLiteral("Each point also runs its SGD ensemble (its runs and seed) after the theories: "
                                         "minutes rather than milliseconds, at most %1 points")
                              .arg(kMaxAppSimulatedPoints));
    form->addRow(simulate_);
    cost_->setObjectName(QStringLiteral("sweepCost"));
    cost_->setWordWrap(true);
    // The word-wrapped lines below the form are rows of the column, not of the form: the form left a line whose
    // text grew (the cost, the progress) overprinting the next.
    auto* below = new QVBoxLayout;
    below->addWidget(cost_);
    problem_->setWordWrap(true);
    problem_->setObjectName(QStringLiteral("sweepProblem"));
    problem_->setStyleSheet(QStringLiteral("color: #B00020"));
    below->addWidget(problem_);
    progress_->setObjectName(QStringLiteral("sweepProgress"));
    progress_->setWordWrap(true);
    below->addWidget(progress_);
    auto* buttons = new QHBoxLayout;
    auto* figure = new QPushButton(QStringLiteral("Export figure…"));
    auto* csv = new QPushButton(QStringLiteral("Export CSV…"));
    buttons->addWidget(cancel_);
    buttons->addWidget(figure);
    buttons->addWidget(csv);
    below->addLayout(buttons);
    auto* study = new QPushButton(QStringLiteral("Finite-size study"));
    study->setToolTip(QStringLiteral("Figure 2 at D = 100 … 6400 with SGD: the gap to the theory against D, log-log "
                                     "(resources/sweeps/finite-size.sweep)"));
    clearFixed_->setToolTip(QStringLiteral("Back to the panel's parameters alone"));
    auto* templates = new QHBoxLayout;
    templates->addWidget(study, 1);
    templates->addWidget(clearFixed_);
    below->addLayout(templates);

    // The form keeps its natural height at the top: stretched over a tall window, its word-wrapped rows lost
    // their height-for-width and the first line was cut.
    auto* editor = new QWidget;
    auto* column = new QVBoxLayout(editor);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(fixedText_);
    column->addLayout(form);
    column->addLayout(below);
    column->addStretch(1);
    editor->setFixedWidth(330);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(editor);
    layout->addWidget(plot_, 1);

    debounce_.setSingleShot(true);
    debounce_.setInterval(250);
    connect(&debounce_, &QTimer::timeout, this, &SweepWindow::apply);
    // Points arrive faster than a person can see: the plot is redrawn at most about 20 times a second.
    repaint_.setSingleShot(true);
    repaint_.setInterval(50);
    connect(&repaint_, &QTimer::timeout, this, &SweepWindow::redraw);
    connect(quantity_, &QComboBox::currentIndexChanged, this, [this] {
        updateQuantityFields();
        updateRouteChoice();
        edited();
    });
    for (QLineEdit* e : {quantityValueA_, quantityValueB_})
        connect(e, &QLineEdit::textChanged, this, &SweepWindow::edited);
    connect(cancel_, &QPushButton::clicked, this, &SweepWindow::cancel);
    connect(simulate_, &QCheckBox::toggled, this, [this] {
        updateRouteChoice();
        edited();
    });
    connect(route_, &QComboBox::currentIndexChanged, this, &SweepWindow::edited);
    connect(clearFixed_, &QPushButton::clicked, this, [this] {
        fixed_.clear();
        showFixed();
        edited();
    });
    connect(study, &QPushButton::clicked, this, &SweepWindow::loadFiniteSizeStudy);
    connect(figure, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, QStringLiteral("Export figure"),
                                                          QStringLiteral("aedyn-%1-sweep.pdf").arg(preset_),
                                                          QStringLiteral("PDF (*.pdf);;SVG (*.svg);;PNG (*.png)"));
        if (!path.isEmpty())
            exportFigure(path);
    });
    connect(csv, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, QStringLiteral("Export data"),
                                                          QStringLiteral("aedyn-%1-sweep.csv").arg(preset_),
                                                          QStringLiteral("CSV (*.csv)"));
        if (!path.isEmpty())
            exportCsv(path);
    });
    connect(&runner_, &SweepRunner::pointFinished, this,
            [this](quint64, qulonglong index, const aedyn::SweepPointCurves& curves) {
                results_.setPoint(index, curves);
                updateProgress();
                if (!repaint_.isActive())
                    repaint_.start();
                emit pointArrived(index);
            });
    connect(&runner_, &SweepRunner::finished, this, [this] {
        seconds_ = clock_.nsecsElapsed() / 1e9;
        redraw();
        updateProgress();
        emit sweepFinished();
    });

    // A first sweep to look at: the learning rate over a decade.
    setAxis(0, QStringLiteral("lr"), QStringLiteral("log 0.2 2 6"));
    setAxis(1, QString(), QString());
    updateQuantityFields();
    updateRouteChoice();
    cost_->hide();
    debounce_.stop();
}

SweepWindow::AxisEditor SweepWindow::makeAxisEditor(bool optional)
{
    AxisEditor e{new QComboBox, new QComboBox, new QLineEdit, new QLineEdit, new QLineEdit, new QSpinBox,
                 new QWidget, new QWidget};
    if (optional)
        e.key->addItem(QStringLiteral("(nothing else)"), QString());
    // Every key of the parameter table, by the paper's symbol and its name.
    for (const aedyn::ParameterSpec& s : aedyn::parameterSchema())
        e.key->addItem(parameterTitle(s.key), QString::fromStdString(s.key));
    e.key->setMaxVisibleItems(20);
    e.kind->addItem(QStringLiteral("a list"), QStringLiteral("list"));
    e.kind->addItem(QStringLiteral("a linear range"), QStringLiteral("lin"));
    e.kind->addItem(QStringLiteral("a log range"), QStringLiteral("log"));
    e.list->setPlaceholderText(QStringLiteral("e.g. 0.5, 1, 2"));
    e.from->setPlaceholderText(QStringLiteral("from"));
    e.to->setPlaceholderText(QStringLiteral("to"));
    e.n->setRange(2, static_cast<int>(kMaxAppSweepPoints));
    e.n->setValue(6);
    e.n->setSuffix(QStringLiteral(" points"));
    auto* list = new QHBoxLayout(e.listRow);
    list->setContentsMargins(0, 0, 0, 0);
    list->addWidget(e.list);
    auto* range = new QHBoxLayout(e.rangeRow);
    range->setContentsMargins(0, 0, 0, 0);
    range->addWidget(e.from);
    range->addWidget(e.to);
    range->addWidget(e.n);
    auto showKind = [e] {
        const bool none = e.key->currentData().toString().isEmpty();
        const bool isList = e.kind->currentData().toString() == QLatin1String("list");
        e.kind->setEnabled(!none);
        e.listRow->setVisible(!none && isList);
        e.rangeRow->setVisible(!none && !isList);
    };
    connect(e.kind, &QComboBox::currentIndexChanged, this, [this, showKind] {
        showKind();
        edited();
    });
    connect(e.key, &QComboBox::currentIndexChanged, this, [this, showKind] {
        showKind();
        edited();
    });
    for (QLineEdit* l : {e.list, e.from, e.to})
        connect(l, &QLineEdit::textChanged, this, &SweepWindow::edited);
    connect(e.n, &QSpinBox::valueChanged, this, &SweepWindow::edited);
    showKind();
    return e;
}

void SweepWindow::setBase(const std::optional<aedyn::ExperimentConfig>& config, const QString& preset)
{
    const bool same = config && base_ && aedyn::parameterValues(*config) == aedyn::parameterValues(*base_);
    base_ = config;
    preset_ = preset;
    if (!same)
        edited();
}

void SweepWindow::setAxis(int axis, const QString& key, const QString& values)
{
    AxisEditor& e = axes_[axis];
    e.key->setCurrentIndex(std::max(0, e.key->findData(key)));
    const QStringList words = values.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const bool range = words.size() == 4 && (words[0] == QLatin1String("lin") || words[0] == QLatin1String("log"));
    e.kind->setCurrentIndex(e.kind->findData(range ? words[0] : QStringLiteral("list")));
    if (range) {
        e.from->setText(words[1]);
        e.to->setText(words[2]);
        e.n->setValue(words[3].toInt());
    } else {
        e.list->setText(values);
    }
}

void SweepWindow::setQuantity(const QString& quantity)
{
    const QStringList parts = quantity.split(QLatin1Char(':'));
    for (int i = 0; i < quantity_->count(); ++i)
        if (quantity_->itemData(i).toString() == parts[0]) {
            quantity_->setCurrentIndex(i);
            quantityValueA_->setText(parts.value(1));
            quantityValueB_->setText(parts.value(2));
            return;
        }
    quantity_->setCurrentIndex(0);
}

void SweepWindow::updateQuantityFields()
{
    const QuantityChoice& q = kQuantities[std::max(0, quantity_->currentIndex())];
    quantityA_->setText(QString::fromUtf8(q.fieldA));
    quantityB_->setText(QString::fromUtf8(q.fieldB));
    quantityA_->setVisible(*q.fieldA);
    quantityValueA_->setVisible(*q.fieldA);
    quantityB_->setVisible(*q.fieldB);
    quantityValueB_->setVisible(*q.fieldB);
    QSignalBlocker a(quantityValueA_), b(quantityValueB_);
    quantityValueA_->setText(QString::fromLatin1(q.defaultA));
    quantityValueB_->setText(QString::fromLatin1(q.defaultB));
}

void SweepWindow::setSimulate(bool simulate) { simulate_->setChecked(simulate); }

void SweepWindow::setRoute(const QString& route) { route_->setCurrentIndex(std::max(0, route_->findData(route))); }

QString SweepWindow::costText() const { return cost_->text(); }

void SweepWindow::updateRouteChoice()
{
    // Without a simulation there is only the theory to show. The family shows both routes, the gap compares them:
    // only the other quantities have a route to choose.
    const bool sgd = simulate_->isChecked();
    if (!sgd)
        route_->setCurrentIndex(0);
    const QString q = quantity_->currentData().toString();
    route_->setEnabled(sgd && q != QLatin1String("curve") && q != QLatin1String("gap"));
    const int gap = quantity_->findData(QStringLiteral("gap"));
    if (auto* model = qobject_cast<QStandardItemModel*>(quantity_->model()))
        model->item(gap)->setEnabled(sgd);
}

void SweepWindow::showFixed()
{
    // The line that says where the points start also says what a template sets on top.
    QStringList sets;
    for (const auto& [k, v] : fixed_)
        sets << QString::fromStdString(k + " = " + v);
    fixedText_->setText(sets.isEmpty() ? QStringLiteral("Every point starts from the parameters in the panel; the "
                                                        "theory (ODE) of each is computed as you edit.")
                                       : QStringLiteral("Every point starts from the parameters in the panel with %1 "
                                                        "(the template's); the theory (ODE) of each is computed as you "
                                                        "edit.")
                                             .arg(sets.join(QStringLiteral(", "))));
    clearFixed_->setVisible(!sets.isEmpty());
}

void SweepWindow::loadFiniteSizeStudy()
{
    Q_INIT_RESOURCE(aedyn);  // the template lives in the static aedyn_ui library
    QFile f(QStringLiteral(":/sweeps/finite-size.sweep"));
    if (!f.open(QIODevice::ReadOnly)) {
        showProblem(QStringLiteral("the finite-size template is missing from this build"));
        return;
    }
    const QString text = QString::fromUtf8(f.readAll());
    const aedyn::SweepSpec spec = aedyn::parseSweepSpec(text.toStdString());
    fixed_ = spec.fixed;
    showFixed();
    setAxis(0, QString::fromStdString(spec.axes[0].key), sweptValuesText(text, spec.axes[0].key));
    setAxis(1, QString(), QString());
    setSimulate(spec.runSgd);
    setQuantity(QString::fromStdString(spec.quantities[0].text));
    edited();
}

QString SweepWindow::axisText(const AxisEditor& e) const
{
    const QString kind = e.kind->currentData().toString();
    if (kind == QLatin1String("list"))
        return e.list->text();
    // Empty bounds stay visible to the parser, which then names what is missing.
    auto word = [](const QLineEdit* l) { return l->text().trimmed().isEmpty() ? QStringLiteral("?") : l->text().trimmed(); };
    return QStringLiteral("%1 %2 %3 %4").arg(kind, word(e.from), word(e.to)).arg(e.n->value());
}

QString SweepWindow::quantityText() const
{
    const QuantityChoice& q = kQuantities[std::max(0, quantity_->currentIndex())];
    QString text = QString::fromLatin1(q.name);
    if (*q.fieldA)
        text += QLatin1Char(':') + quantityValueA_->text().trimmed();
    if (*q.fieldB)
        text += QLatin1Char(':') + quantityValueB_->text().trimmed();
    return text;
}

void SweepWindow::edited()
{
    // Whatever is under way belongs to the old values: stop it at once, recompute after a pause in typing.
    if (isVisible())
        debounce_.start();
}

void SweepWindow::showEvent(QShowEvent* e)
{
    QWidget::showEvent(e);
    if (results_.axes().empty())
        debounce_.start();
}

void SweepWindow::applyNow()
{
    debounce_.stop();
    apply();
}

void SweepWindow::cancel()
{
    debounce_.stop();
    runner_.cancel();
    updateProgress();
}

void SweepWindow::apply()
{
    aedyn::SweepSpec spec;
    spec.fixed = fixed_;
    SweepView view;
    std::vector<aedyn::SweepPoint> points;
    const bool simulate = simulate_->isChecked();
    try {
        if (!base_)
            throw aedyn::ConfigError("the panel's parameters are not valid; fix them there first", "");
        for (const AxisEditor& e : axes_) {
            const std::string key = e.key->currentData().toString().toStdString();
            if (key.empty())
                continue;
            if (!spec.axes.empty() && spec.axes[0].key == key)
                throw aedyn::ConfigError(key + ": swept twice; choose another second parameter", key);
            spec.axes.push_back(aedyn::parseSweepAxis(key, axisText(e).toStdString()));
            view.logAxis.push_back(e.kind->currentData().toString() == QLatin1String("log"));
        }
        const QString q = quantityText();
        if (q != QLatin1String("curve")) {
            view.quantity = aedyn::parseSweepQuantity(q.toStdString());
            spec.quantities = {*view.quantity};
            if (!view.quantity->perRoute() && !simulate)
                throw aedyn::ConfigError("gap compares the SGD mean with the theory: tick \"also simulate (SGD)\" "
                                         "to run both routes",
                                         "gap");
            view.route = route_->currentData().toString().toStdString();
        } else if (spec.axes.size() == 2) {
            throw aedyn::ConfigError("a family of learning curves sweeps one parameter: remove the second, or show "
                                     "a single number per point (ε at a time, escape time, slope, overlap)",
                                     spec.axes[1].key);
        }
        if (spec.pointCount() > kMaxAppSweepPoints)
            throw aedyn::ConfigError(std::to_string(spec.pointCount()) + " points: the app sweeps at most " +
                                         std::to_string(kMaxAppSweepPoints) +
                                         " (use aedyn-cli sweep, locally or on a cluster, for more)",
                                     spec.axes.back().key);
        if (simulate && spec.pointCount() > kMaxAppSimulatedPoints)
            throw aedyn::ConfigError(std::to_string(spec.pointCount()) + " points to simulate: the app simulates at most " +
                                         std::to_string(kMaxAppSimulatedPoints) +
                                         " (use fewer points, untick \"also simulate\", or aedyn-cli sweep)",
                                     spec.axes.back().key);
        points = aedyn::expandSweep(spec, *base_);
    } catch (const aedyn::ConfigError& e) {
        runner_.cancel();
        results_.reset({}, {});
        computed_.clear();
        view_ = {};
        ++sweepId_;
        cost_->clear();
        cost_->hide();
        showProblem(QString::fromUtf8(e.what()));
        redraw();
        updateProgress();
        return;
    }
    showProblem({});
    std::vector<std::vector<std::pair<std::string, std::string>>> parameters;
    for (const aedyn::SweepPoint& p : points)
        parameters.push_back(aedyn::parameterValues(p.config));
    view_ = view;
    ++sweepId_;
    // The same points with another quantity need no new theory: the quantities come from the curves kept.
    if (parameters == computed_ && simulate == computedSimulate_ && results_.axes().size() == spec.axes.size()) {
        redraw();
        return;
    }
    showCost(simulate ? points : std::vector<aedyn::SweepPoint>{});
    computed_ = parameters;
    computedSimulate_ = simulate;
    std::vector<aedyn::ExperimentConfig> configs;
    for (const aedyn::SweepPoint& p : points)
        configs.push_back(p.config);
    results_.reset(spec.axes, std::move(points), simulate);
    clock_.start();
    seconds_ = 0;
    runner_.start(std::move(configs), simulate);
    redraw();
    updateProgress();
}

void SweepWindow::showCost(const std::vector<aedyn::SweepPoint>& points)
{
    cost_->clear();
    cost_->setVisible(!points.empty());
    if (points.empty())
        return;
    // A burst of real SGD steps of the costliest point (estimateSimulationCost, as the dashboard does); the others
    // scale by their work: steps (t_max·D) × runs × the cost of a step (∝ D·K).
    auto work = [](const aedyn::ExperimentConfig& c) { return c.tMax * c.D * double(c.D) * c.K * c.runs; };
    std::vector<aedyn::ExperimentConfig> configs;
    const aedyn::SweepPoint* costliest = &points.front();
    double total = 0;
    for (const aedyn::SweepPoint& p : points) {
        configs.push_back(p.config);
        total += work(p.config);
        if (work(p.config) > work(costliest->config))
            costliest = &p;
    }
    const int threads = runner_.threads();
    const bool inTurn = runner_.simulatesInTurn(configs);
    try {
        const aedyn::Experiment e(costliest->config);
        // In turn: every point on all threads. Side by side: the points share the threads, but the costliest
        // cannot finish before its own time on one.
        const double longest = aedyn::estimateSimulationCost(e, inTurn ? threads : 1).totalSeconds;
        const double seconds = inTurn ? longest * total / work(costliest->config)
                                      : std::max(longest * total / work(costliest->config) / threads, longest);
        cost_->setText(QStringLiteral("≈ %1 for %2 points of SGD (%3 on %4 threads), after the theory")
                           .arg(QString::fromStdString(aedyn::formatDuration(seconds)))
                           .arg(points.size())
                           .arg(inTurn ? QStringLiteral("one point after another") : QStringLiteral("side by side"))
                           .arg(threads));
    } catch (const std::exception& ex) {
        cost_->setText(QStringLiteral("cost unknown: %1").arg(QString::fromUtf8(ex.what())));
    }
}

void SweepWindow::showProblem(const QString& problem)
{
    problem_->setText(problem);
    problem_->setVisible(!problem.isEmpty());
}

QString SweepWindow::problem() const { return problem_->text(); }

QString SweepWindow::progressText() const { return progress_->text(); }

void SweepWindow::updateProgress()
{
    const std::size_t n = results_.points().size();
    QString text;
    if (n > 0) {
        text = QStringLiteral("%1 / %2 points").arg(results_.arrived()).arg(n);
        if (results_.failed() > 0)
            text += QStringLiteral(" · %1 failed (crossed out)").arg(results_.failed());
        if (results_.simulates()) {
            text += QStringLiteral(" · SGD %1 / %2").arg(results_.simulated()).arg(n);
            if (results_.simulationFailed() > 0)
                text += QStringLiteral(" · %1 diverged (marked)").arg(results_.simulationFailed());
        }
        const bool done = results_.arrived() == n && (!results_.simulates() || results_.simulated() == n);
        if (!runner_.running() && done && seconds_ > 0)
            // Points a second say how fast the theory is; a simulated sweep takes minutes, said as such.
            text += results_.simulates()
                        ? QStringLiteral(" · %1 on %2 threads")
                              .arg(seconds_ < 60 ? QStringLiteral("%1 s").arg(seconds_, 0, 'f', 1)
                                                 : QString::fromStdString(aedyn::formatDuration(seconds_)))
                              .arg(runner_.threads())
                        : QStringLiteral(" · %1 s, %2 points/s on %3 threads")
                              .arg(seconds_, 0, 'f', 2)
                              .arg(n / seconds_, 0, 'f', 0)
                              .arg(runner_.threads());
        else if (!runner_.running() && !done)
            text += QStringLiteral(" · cancelled");
    }
    if (!fileMessage_.isEmpty())
        text += (text.isEmpty() ? QString() : QStringLiteral("\n")) + fileMessage_;
    progress_->setText(text);
    cancel_->setEnabled(runner_.running());
}

void SweepWindow::redraw()
{
    repaint_.stop();
    plot_->refresh(results_, view_, sweepId_);
}

QString SweepWindow::exportFigure(const QString& path, std::optional<FigureOptions> size)
{
    FigureOptions options = size.value_or(FigureOptions{});
    if (!size)
        options.widthInches = 5.0, options.heightInches = 3.5;
    const QString problem = writeFigure(
        [&] {
            auto* plot = new SweepPlot;
            return figurePage(plot, options, [&] { plot->refresh(results_, view_, 1); });
        },
        QStringLiteral("sweep"), options, path);
    fileMessage_ = problem.isEmpty() ? QString() : QStringLiteral("Figure not exported: %1").arg(problem);
    updateProgress();
    return problem;
}

QString SweepWindow::exportCsv(const QString& path)
{
    const std::string csv = view_.quantity ? results_.quantityCsv(*view_.quantity) : results_.familyCsv();
    const QString problem = ::exportCsv(QByteArray::fromStdString(csv), path);
    fileMessage_ = problem.isEmpty() ? QString() : QStringLiteral("Data not exported: %1").arg(problem);
    updateProgress();
    return problem;
}
