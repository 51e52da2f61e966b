#include "ui/GoalSeekDialog.h"

#include "data/Scenarios.h"
#include "models/DecisionText.h"
#include "models/PortfolioDocument.h"
#include "portfolio/Validation.h"
#include "ui/Buttons.h"

#include <QApplication>
#include <QComboBox>
#include <QDate>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

#include <algorithm>

namespace ledger::ui {

namespace {

using Kind = data::GoalSeekTarget::Kind;
using models::NumberForm;
using models::readNumber;
using models::showNumber;

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

} // namespace

GoalSeekDialog::GoalSeekDialog(models::PortfolioDocument* doc, QWidget* parent)
    : QDialog(parent)
    , doc_(doc)
    , inputs_(models::numericInputs(doc->portfolio())) {
    setWindowTitle(tr("Goal seek"));
    setObjectName("goalSeekDialog");
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("The value of one input at which a target holds, on the base case (the "
                                "portfolio as given), by a bracketing root finder (TOMS 748)."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* form = new QFormLayout;
    input_ = new QComboBox(this);
    input_->setObjectName("goalSeekInput");
    for (const auto& in : inputs_)
        input_->addItem(in.name, in.path);
    input_->addItem(tr("Another input: type its path below"), QString());
    path_ = new QLineEdit(this);
    path_->setObjectName("goalSeekPath");
    path_->setToolTip(tr("The input as an input path (docs/file-format.md, \"Input paths\"): "
                         "/contracts/id=cw-2025/price_per_gpu_hour, /demand/curve/0/gpus"));
    now_ = new QLabel(this);
    form->addRow(tr("Input"), input_);
    form->addRow(tr("Input path"), path_);
    form->addRow(QString(), now_);

    kind_ = new QComboBox(this);
    kind_->setObjectName("goalSeekKind");
    kind_->addItem(tr("Two alternatives cost the same (NPV cost)"), int(Kind::NpvEqual));
    kind_->addItem(tr("An alternative's NPV cost is"), int(Kind::Npv));
    kind_->addItem(tr("An alternative's LCOC is"), int(Kind::Lcoc));
    a_ = new QComboBox(this);
    a_->setObjectName("goalSeekA");
    b_ = new QComboBox(this);
    b_->setObjectName("goalSeekB");
    const EvaluationResult& r = doc->baseEvaluation();
    for (const auto& alt : r.alternatives) {
        a_->addItem(q(alt.name), q(alt.id));
        b_->addItem(q(alt.name), q(alt.id));
    }
    // The verdict's pair first: what would make the runner-up as cheap as the winner.
    if (const auto pair = models::decisionPair(r)) {
        a_->setCurrentIndex(int(pair->second));
        b_->setCurrentIndex(int(pair->first));
    }
    value_ = new QLineEdit(this);
    value_->setObjectName("goalSeekValue");
    value_->setPlaceholderText(tr("the NPV cost or LCOC to reach, in %1").arg(q(doc->portfolio().currency)));
    form->addRow(tr("Target"), kind_);
    form->addRow(tr("Alternative"), a_);
    form->addRow(tr("Costs what"), b_);
    form->addRow(tr("Value"), value_);

    auto* bracketRow = new QHBoxLayout;
    lo_ = new QLineEdit(this);
    lo_->setObjectName("goalSeekLo");
    hi_ = new QLineEdit(this);
    hi_->setObjectName("goalSeekHi");
    bracketRow->addWidget(lo_);
    bracketRow->addWidget(new QLabel(tr("to"), this));
    bracketRow->addWidget(hi_);
    bracketSource_ = new QLabel(this);
    bracketSource_->setWordWrap(true);
    form->addRow(tr("Search from"), bracketRow);
    form->addRow(QString(), bracketSource_);
    layout->addLayout(form);

    result_ = new QLabel(this);
    result_->setObjectName("goalSeekResult");
    result_->setWordWrap(true);
    result_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    result_->setMinimumHeight(60);
    result_->setFrameShape(QFrame::StyledPanel);
    layout->addWidget(result_);

    auto* buttons = new QDialogButtonBox(this);
    auto* solveButton =
        makeButton(tr("Solve"), tr("Find the value at which the target holds"), "goalSeekSolve", this);
    setInput_ = makeButton(tr("Set the input"), tr("Set the input to the value found (one undoable edit)"),
                           "goalSeekSetInput", this);
    addScenario_ =
        makeButton(tr("Add as scenario"),
                   tr("Keep the value found as a scenario of its own, beside the base case (undoable)"),
                   "goalSeekAddScenario", this);
    buttons->addButton(solveButton, QDialogButtonBox::ActionRole);
    buttons->addButton(setInput_, QDialogButtonBox::ActionRole);
    buttons->addButton(addScenario_, QDialogButtonBox::ActionRole);
    buttons->addButton(QDialogButtonBox::Close);
    solveButton->setDefault(true);
    layout->addWidget(buttons);
    setInput_->setEnabled(false);
    addScenario_->setEnabled(false);

    connect(input_, &QComboBox::currentIndexChanged, this, &GoalSeekDialog::inputChosen);
    connect(path_, &QLineEdit::textEdited, this, &GoalSeekDialog::pathEdited);
    connect(kind_, &QComboBox::currentIndexChanged, this, &GoalSeekDialog::targetChanged);
    for (QLineEdit* end : {lo_, hi_})
        connect(end, &QLineEdit::textEdited, this, [this] {
            bracketGiven_ = true;
            bracketSource_->setText(tr("as given"));
        });
    connect(solveButton, &QPushButton::clicked, this, &GoalSeekDialog::solve);
    connect(setInput_, &QPushButton::clicked, this, &GoalSeekDialog::setInput);
    connect(addScenario_, &QPushButton::clicked, this, &GoalSeekDialog::addScenario);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // The classic breakeven first: a contract's price as the file gives it, else an owned fleet's capex
    // (a contract given by its total value has bounds far wider than the file accepts).
    for (const char* field : {"/price_per_gpu_hour", "/capex_per_gpu"}) {
        const auto it = std::find_if(inputs_.begin(), inputs_.end(), [&](const models::NumericInput& in) {
            return in.value && in.path.endsWith(field) && !in.path.startsWith("/skus/");
        });
        if (it != inputs_.end()) {
            const QSignalBlocker block(input_);
            input_->setCurrentIndex(int(it - inputs_.begin()));
            break;
        }
    }
    targetChanged();
    inputChosen();
    resize(640, sizeHint().height());
}

const models::NumericInput* GoalSeekDialog::currentInput() const {
    return models::findNumericInput(inputs_, path_->text().trimmed());
}

void GoalSeekDialog::inputChosen() {
    const QString path = input_->currentData().toString();
    if (!path.isEmpty())
        path_->setText(path);
    pathEdited();
}

// A new input: its value in the file and its default bracket; the last solution no longer applies.
void GoalSeekDialog::pathEdited() {
    last_.reset();
    setInput_->setEnabled(false);
    addScenario_->setEnabled(false);
    result_->clear();
    const QString path = path_->text().trimmed();
    const models::NumericInput* in = currentInput();
    const int named = in ? int(in - inputs_.data()) : input_->count() - 1;
    if (input_->currentIndex() != named) {
        const QSignalBlocker block(input_);
        input_->setCurrentIndex(named);
    }
    const NumberForm form = in ? in->form : NumberForm{};
    if (in)
        now_->setText(in->value ? tr("In the file: %1").arg(showNumber(*in->value, form, locale()))
                                : tr("Not in the file: its default applies"));
    else
        now_->setText(path.isEmpty() ? tr("Type an input path") : QString());
    bracketGiven_ = false;
    QString error;
    const auto b = path.isEmpty()
                       ? std::nullopt
                       : data::defaultGoalSeekBracket(doc_->portfolio(), path.toStdString(), &error);
    lo_->setText(b ? showNumber(b->lo, form, locale()) : QString());
    hi_->setText(b ? showNumber(b->hi, form, locale()) : QString());
    bracketSource_->setText(b ? b->source : error);
}

void GoalSeekDialog::targetChanged() {
    const auto kind = Kind(kind_->currentData().toInt());
    b_->setEnabled(kind == Kind::NpvEqual);
    value_->setEnabled(kind != Kind::NpvEqual);
    last_.reset();
    setInput_->setEnabled(false);
    addScenario_->setEnabled(false);
}

std::optional<data::GoalSeekTarget> GoalSeekDialog::target(QString* error) const {
    data::GoalSeekTarget t;
    t.kind = Kind(kind_->currentData().toInt());
    t.a = a_->currentData().toString().toStdString();
    t.b = b_->currentData().toString().toStdString();
    if (t.kind == Kind::NpvEqual) {
        if (t.a == t.b) {
            *error = tr("Pick two different alternatives.");
            return std::nullopt;
        }
        return t;
    }
    NumberForm money;
    money.money = true;
    const auto read = readNumber(value_->text(), money, locale(), q(doc_->portfolio().currency));
    if (!read.value) {
        *error = value_->text().trimmed().isEmpty() ? tr("Value: give the number to reach.")
                                                    : tr("Value: %1").arg(read.error);
        return std::nullopt;
    }
    t.value = *read.value;
    return t;
}

std::optional<data::GoalSeekBracket> GoalSeekDialog::bracket(QString* error) const {
    const models::NumericInput* in = currentInput();
    const NumberForm form = in ? in->form : NumberForm{};
    const QString currency = q(doc_->portfolio().currency);
    const auto lo = readNumber(lo_->text(), form, locale(), currency);
    const auto hi = readNumber(hi_->text(), form, locale(), currency);
    if (!lo.value || !hi.value) {
        *error =
            tr("Search from: %1")
                .arg(!lo.value ? (lo_->text().trimmed().isEmpty() ? tr("give the lower end") : lo.error)
                               : (hi_->text().trimmed().isEmpty() ? tr("give the upper end") : hi.error));
        return std::nullopt;
    }
    return data::GoalSeekBracket{*lo.value, *hi.value,
                                 bracketGiven_ ? tr("as given") : bracketSource_->text()};
}

void GoalSeekDialog::showProblem(const QString& text) {
    result_->setText(text);
    setInput_->setEnabled(false);
    addScenario_->setEnabled(false);
}

bool GoalSeekDialog::solve() {
    last_.reset();
    QString error;
    const QString path = path_->text().trimmed();
    if (path.isEmpty()) {
        showProblem(tr("Input path: pick an input, or type its path."));
        return false;
    }
    const auto t = target(&error);
    const auto b = t ? bracket(&error) : std::nullopt;
    if (!t || !b) {
        showProblem(error);
        return false;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto g = data::goalSeekInput(doc_->portfolio(), doc_->catalog(), path.toStdString(), *t, b, &error);
    QApplication::restoreOverrideCursor();
    if (!g) {
        showProblem(error);
        return false;
    }
    result_->setText(models::goalSeekSummary(*g, currentInput(), doc_->baseEvaluation(),
                                             q(doc_->portfolio().currency), locale()));
    const bool solved = g->result.status == GoalSeekStatus::Solved;
    setInput_->setEnabled(solved);
    addScenario_->setEnabled(solved);
    last_ = std::move(g);
    return solved;
}

bool GoalSeekDialog::setInput() {
    if (!last_ || last_->result.status != GoalSeekStatus::Solved)
        return false;
    QString error;
    const QString dotted = data::dottedPathOf(doc_->portfolio(), last_->path, &error);
    const models::NumericInput* in = currentInput();
    const QString name = in ? in->name : q(last_->path);
    const QString words = tr("Goal seek: %1 to %2")
                              .arg(name, showNumber(last_->result.x, in ? in->form : NumberForm{}, locale()));
    if (dotted.isEmpty() || !doc_->setValue(dotted, last_->result.x, &error, QString(), words)) {
        showProblem(tr("Cannot set the input: %1").arg(error));
        return false;
    }
    // The portfolio changed: the inputs' values and the solution with it.
    inputs_ = models::numericInputs(doc_->portfolio());
    pathEdited();
    result_->setText(tr("Set: %1 (Edit > Undo takes it back).").arg(words));
    return true;
}

bool GoalSeekDialog::addScenario() {
    if (!last_ || last_->result.status != GoalSeekStatus::Solved)
        return false;
    const models::NumericInput* in = currentInput();
    const QString name = in ? in->name : q(last_->path);
    Scenario s;
    s.name = doc_->unusedScenarioName(tr("Goal seek: %1").arg(name).toStdString());
    s.description =
        (tr("%1 at the value at which ").arg(name) +
         models::goalSeekTargetInWords(last_->target, doc_->baseEvaluation(), q(doc_->portfolio().currency)) +
         ".")
            .toStdString();
    s.source =
        tr("ComputeLedger goal seek, %1").arg(QDate::currentDate().toString(Qt::ISODate)).toStdString();
    s.overrides = {{last_->path, formatNumber(last_->result.x)}};
    QString error;
    if (!doc_->addScenario(s, tr("Add scenario \"%1\"").arg(q(s.name)), &error)) {
        showProblem(tr("Cannot add the scenario: %1").arg(error));
        return false;
    }
    result_->setText(result_->text() + "\n" +
                     tr("Added the scenario \"%1\" (the Scenarios tab).").arg(q(s.name)));
    addScenario_->setEnabled(false);
    return true;
}

} // namespace ledger::ui
