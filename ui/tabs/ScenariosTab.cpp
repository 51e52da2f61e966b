#include "ui/tabs/ScenariosTab.h"

#include "data/Scenarios.h"
#include "data/StressTemplates.h"
#include "models/PortfolioDocument.h"
#include "models/ScenarioModels.h"
#include "ui/Buttons.h"
#include "ui/TableCopy.h"

#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <functional>

namespace ledger::ui {

namespace {

// Ctrl+Z and Ctrl+Y in a field: a field with typed text goes back to its value first; a field as
// saved hands the key to the document's undo and redo, as the item editor's fields do.
class FieldUndo : public QObject {
public:
    FieldUndo(models::PortfolioDocument* doc, QObject* parent, std::function<void(QWidget*)> commit)
        : QObject(parent)
        , doc_(doc)
        , commit_(std::move(commit)) {}

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        auto* text = qobject_cast<QPlainTextEdit*>(watched);
        if (text && event->type() == QEvent::FocusOut)
            commit_(text);
        if (event->type() != QEvent::ShortcutOverride && event->type() != QEvent::KeyPress)
            return false;
        auto* key = static_cast<QKeyEvent*>(event);
        const bool undo = key->matches(QKeySequence::Undo), redo = key->matches(QKeySequence::Redo);
        if (!undo && !redo)
            return false;
        event->accept();
        if (event->type() == QEvent::ShortcutOverride)
            return true; // it comes back as a key press, handled below
        auto* field = static_cast<QWidget*>(watched);
        const QString typed = text ? text->toPlainText() : static_cast<QLineEdit*>(watched)->text();
        const QString shown = field->property("shown").toString();
        if (typed.trimmed() != shown) {
            if (text)
                text->setPlainText(shown);
            else
                static_cast<QLineEdit*>(watched)->setText(shown);
            if (redo)
                doc_->undoStack()->redo();
        } else if (undo) {
            doc_->undoStack()->undo();
        } else {
            doc_->undoStack()->redo();
        }
        return true;
    }

private:
    models::PortfolioDocument* doc_;
    std::function<void(QWidget*)> commit_;
};

void showValue(QWidget* field, const QString& value) {
    field->setProperty("shown", value);
    if (auto* line = qobject_cast<QLineEdit*>(field)) {
        if (line->text() != value)
            line->setText(value);
        line->setCursorPosition(0);
    } else if (auto* text = qobject_cast<QPlainTextEdit*>(field)) {
        if (text->toPlainText() != value)
            text->setPlainText(value);
    }
}

} // namespace

ScenariosTab::ScenariosTab(models::PortfolioDocument* doc, QWidget* parent)
    : DocumentTab(doc, parent)
    , listModel_(new models::ScenarioListModel(doc, this))
    , overridesModel_(new models::ScenarioOverridesModel(doc, this))
    , matrixModel_(new models::ScenarioMatrixModel(doc, this)) {
    auto* layout = new QVBoxLayout(this);
    auto* split = new QSplitter(Qt::Vertical, this);
    auto* top = new QWidget(split);
    auto* topLayout = new QHBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);

    // The list and its buttons.
    auto* listBox = new QGroupBox(tr("Scenarios"), top);
    auto* listLayout = new QVBoxLayout(listBox);
    list_ = new QListView(listBox);
    list_->setObjectName("scenarioList");
    list_->setModel(listModel_);
    list_->setSelectionMode(QAbstractItemView::SingleSelection);
    list_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    listLayout->addWidget(list_, 1);
    auto* buttons = new QHBoxLayout();
    auto* add = makeButton(tr("Add"), tr("Add a scenario (no overrides yet: the base case, to edit)"),
                           "addScenario", listBox);
    stress_ = new QToolButton(listBox);
    stress_->setObjectName("addStressTemplate");
    stress_->setText(tr("Add stress template"));
    stress_->setToolTip(tr("Add a built-in stress scenario made for this portfolio, then edit it"));
    stress_->setPopupMode(QToolButton::InstantPopup);
    stress_->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto* menu = new QMenu(stress_);
    const auto& templates = data::stressTemplates();
    for (std::size_t i = 0; i < templates.size(); ++i) {
        QAction* action = menu->addAction(QString::fromLatin1(templates[i].name));
        action->setToolTip(QString::fromLatin1(templates[i].description));
        action->setObjectName(QString("stress%1").arg(i));
        connect(action, &QAction::triggered, this, [this, i] { addStress(int(i)); });
    }
    menu->setToolTipsVisible(true);
    stress_->setMenu(menu);
    duplicate_ = makeButton(tr("Duplicate"), tr("A copy of the selected scenario, to edit"),
                            "duplicateScenario", listBox);
    delete_ =
        makeButton(tr("Delete"), tr("Delete the selected scenario (undoable)"), "deleteScenario", listBox);
    buttons->addWidget(add);
    buttons->addWidget(stress_);
    buttons->addWidget(duplicate_);
    buttons->addWidget(delete_);
    buttons->addStretch(1);
    listLayout->addLayout(buttons);
    connect(add, &QPushButton::clicked, this, &ScenariosTab::addScenario);
    connect(duplicate_, &QPushButton::clicked, this, &ScenariosTab::duplicateScenario);
    connect(delete_, &QPushButton::clicked, this, &ScenariosTab::deleteScenario);

    // The editor of the selected scenario.
    auto* editorBox = new QGroupBox(tr("Selected scenario"), top);
    auto* editorLayout = new QVBoxLayout(editorBox);
    editorTitle_ = new QLabel(editorBox);
    editorTitle_->setWordWrap(true);
    editorLayout->addWidget(editorTitle_);
    auto* form = new QFormLayout();
    name_ = new QLineEdit(editorBox);
    name_->setObjectName("scenarioName");
    description_ = new QPlainTextEdit(editorBox);
    description_->setObjectName("scenarioDescription");
    description_->setTabChangesFocus(true);
    description_->setFixedHeight(description_->fontMetrics().lineSpacing() * 3 + 12);
    source_ = new QLineEdit(editorBox);
    source_->setObjectName("scenarioSource");
    source_->setPlaceholderText(tr("where the scenario comes from (a forecast, a board memo)"));
    form->addRow(tr("Name"), name_);
    form->addRow(tr("Description"), description_);
    form->addRow(tr("Source"), source_);
    editorLayout->addLayout(form);
    overrides_ = new QTableView(editorBox);
    overrides_->setObjectName("scenarioOverrides");
    overrides_->setModel(overridesModel_);
    enableTableCopy(overrides_);
    overrides_->verticalHeader()->hide();
    overrides_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    overrides_->verticalHeader()->setDefaultSectionSize(overrides_->fontMetrics().height() + 8);
    overrides_->horizontalHeader()->setSectionResizeMode(models::ScenarioOverridesModel::PathColumn,
                                                         QHeaderView::Interactive);
    overrides_->horizontalHeader()->setStretchLastSection(true);
    overrides_->setColumnWidth(
        models::ScenarioOverridesModel::PathColumn,
        overrides_->fontMetrics().horizontalAdvance("/contracts/id=coreweave-2025/price_per_gpu_hour") + 16);
    editorLayout->addWidget(new QLabel(tr("<b>Overrides</b>: each input this scenario changes, applied "
                                          "to the base case in order"),
                                       editorBox));
    editorLayout->addWidget(overrides_, 1);
    auto* rowButtons = new QHBoxLayout();
    addOverride_ = makeButton(tr("Add override"),
                              tr("Override an input (first the discount rate at its value: edit the path "
                                 "and the value)"),
                              "addOverride", editorBox);
    removeOverride_ =
        makeButton(tr("Remove override"), tr("Remove the selected override"), "removeOverride", editorBox);
    rowButtons->addWidget(addOverride_);
    rowButtons->addWidget(removeOverride_);
    rowButtons->addStretch(1);
    editorLayout->addLayout(rowButtons);
    message_ = new QLabel(editorBox);
    message_->setObjectName("validationMessage");
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    message_->setStyleSheet("color: #c62828;");
    message_->hide();
    editorLayout->addWidget(message_);
    topLayout->addWidget(listBox, 2);
    topLayout->addWidget(editorBox, 3);

    // The matrix.
    auto* matrixBox = new QGroupBox(tr("How the decision holds up: NPV cost after tax by scenario"), split);
    auto* matrixLayout = new QVBoxLayout(matrixBox);
    matrix_ = new QTableView(matrixBox);
    matrix_->setObjectName("scenarioMatrix");
    matrix_->setModel(matrixModel_);
    enableTableCopy(matrix_);
    matrix_->verticalHeader()->hide();
    matrix_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    matrix_->horizontalHeader()->setStretchLastSection(true);
    matrix_->setWordWrap(false);
    matrix_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    matrix_->verticalHeader()->setDefaultSectionSize(matrix_->fontMetrics().height() + 8);
    matrixLayout->addWidget(matrix_, 1);
    summary_ = new QLabel(matrixBox);
    summary_->setObjectName("scenarioSummary");
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    matrixLayout->addWidget(summary_);
    split->addWidget(top);
    split->addWidget(matrixBox);
    // The matrix is what the tab is for: it takes the room, the list and editor what they need.
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setSizes({330, 470});
    layout->addWidget(split, 1);

    // Selecting a row, in the list or the matrix, shows that scenario in every tab.
    connect(list_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (!following_ && current.isValid())
                    doc_->selectScenario(listModel_->scenarioAt(current.row()));
            });
    connect(matrix_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (!following_ && current.isValid())
                    doc_->selectScenario(matrixModel_->scenarioAt(current.row()));
            });
    connect(doc_, &models::PortfolioDocument::scenarioSelectionChanged, this, &ScenariosTab::showSelection);
    connect(listModel_, &QAbstractItemModel::modelReset, this, &ScenariosTab::showSelection);
    connect(matrixModel_, &QAbstractItemModel::modelReset, this, [this] {
        showSelection();
        summary_->setText(matrixModel_->summary());
    });
    summary_->setText(matrixModel_->summary());

    connect(overridesModel_, &models::ScenarioOverridesModel::editRefused, this, &ScenariosTab::say);
    connect(addOverride_, &QPushButton::clicked, this, [this] {
        QString error;
        if (!overridesModel_->addOverride(&error))
            say(error);
        else
            overrides_->setCurrentIndex(overridesModel_->index(overridesModel_->rowCount() - 1,
                                                               models::ScenarioOverridesModel::PathColumn));
    });
    connect(removeOverride_, &QPushButton::clicked, this, [this] {
        QString error;
        if (!overridesModel_->removeOverride(overrides_->currentIndex().row(), &error))
            say(error);
    });
    auto* undo = new FieldUndo(doc_, this, [this](QWidget* field) {
        if (field == description_)
            commitDescription();
    });
    for (QWidget* field :
         {static_cast<QWidget*>(name_), static_cast<QWidget*>(description_), static_cast<QWidget*>(source_)})
        field->installEventFilter(undo);
    connect(name_, &QLineEdit::editingFinished, this, &ScenariosTab::commitName);
    connect(source_, &QLineEdit::editingFinished, this, &ScenariosTab::commitSource);
    matrixModel_->setActive(false); // until the tab is shown
    refreshNow();
    showSelection();
}

void ScenariosTab::showEvent(QShowEvent* event) {
    matrixModel_->setActive(true);
    DocumentTab::showEvent(event);
}

void ScenariosTab::hideEvent(QHideEvent* event) {
    matrixModel_->setActive(false);
    DocumentTab::hideEvent(event);
}

QString ScenariosTab::summaryText() const {
    return summary_->text();
}

QString ScenariosTab::message() const {
    return message_->text();
}

void ScenariosTab::say(const QString& message) {
    message_->setText(message);
    message_->setVisible(!message.isEmpty());
}

void ScenariosTab::showSelection() {
    following_ = true;
    const auto& selected = doc_->selectedScenario();
    const QModelIndex row = listModel_->index(listModel_->rowOf(selected));
    if (list_->currentIndex() != row)
        list_->setCurrentIndex(row);
    const int matrixRow = matrixModel_->rowOf(selected);
    if (matrixRow >= 0 && matrix_->currentIndex().row() != matrixRow)
        matrix_->setCurrentIndex(matrixModel_->index(matrixRow, 0));
    following_ = false;
    refreshNow();
}

void ScenariosTab::refresh() {
    say({}); // the document changed: a refusal before is history
    if (!doc_->hasPortfolio())
        return;
    const auto& selected = doc_->selectedScenario();
    const Scenario* s = selected ? data::findScenario(doc_->portfolio(), *selected) : nullptr;
    for (QWidget* w : {static_cast<QWidget*>(name_), static_cast<QWidget*>(description_),
                       static_cast<QWidget*>(source_), static_cast<QWidget*>(overrides_),
                       static_cast<QWidget*>(addOverride_), static_cast<QWidget*>(removeOverride_),
                       static_cast<QWidget*>(duplicate_), static_cast<QWidget*>(delete_)})
        w->setEnabled(s != nullptr);
    editorTitle_->setText(
        s ? tr("Shown in every tab. Edits of the portfolio elsewhere change the base case; the overrides "
               "below are what this scenario changes of it.")
          : tr("The base case is the portfolio as given. Add a scenario, or a stress template, to say what "
               "changes in it; select one to see it in every tab."));
    showValue(name_, s ? QString::fromStdString(s->name) : QString());
    showValue(description_, s ? QString::fromStdString(s->description) : QString());
    showValue(source_, s ? QString::fromStdString(s->source) : QString());
}

void ScenariosTab::commitName() {
    const auto& selected = doc_->selectedScenario();
    if (!selected || name_->text().trimmed() == name_->property("shown").toString())
        return;
    QString error;
    if (doc_->renameScenario(*selected, name_->text().toStdString(), &error))
        say({});
    else
        say(error);
}

void ScenariosTab::commitDescription() {
    const auto& selected = doc_->selectedScenario();
    const QString text = description_->toPlainText().trimmed();
    if (!selected || text == description_->property("shown").toString())
        return;
    QString error;
    if (doc_->setScenarioDescription(*selected, text.toStdString(), &error))
        say({});
    else
        say(error);
}

void ScenariosTab::commitSource() {
    const auto& selected = doc_->selectedScenario();
    const QString text = source_->text().trimmed();
    if (!selected || text == source_->property("shown").toString())
        return;
    QString error;
    if (doc_->setScenarioSource(*selected, text.toStdString(), &error))
        say({});
    else
        say(error);
}

void ScenariosTab::addScenario() {
    QString error;
    const std::size_t before = doc_->hasPortfolio() ? doc_->portfolio().scenarios.size() : 0;
    if (!doc_->addScenario(&error)) {
        say(error);
        return;
    }
    say({});
    if (doc_->portfolio().scenarios.size() > before)
        doc_->selectScenario(doc_->portfolio().scenarios.back().name);
}

void ScenariosTab::addStress(int templateIndex) {
    const auto& templates = data::stressTemplates();
    if (templateIndex < 0 || std::size_t(templateIndex) >= templates.size())
        return;
    QString error;
    std::string added;
    if (!doc_->addStressScenario(templates[std::size_t(templateIndex)].kind, &error, &added)) {
        say(error);
        return;
    }
    say({});
    doc_->selectScenario(added);
}

void ScenariosTab::duplicateScenario() {
    const auto& selected = doc_->selectedScenario();
    if (!selected)
        return;
    QString error;
    std::string added;
    if (!doc_->duplicateScenario(*selected, &error, &added)) {
        say(error);
        return;
    }
    say({});
    doc_->selectScenario(added);
}

void ScenariosTab::deleteScenario() {
    const auto selected = doc_->selectedScenario();
    if (!selected)
        return;
    QString error;
    if (!doc_->deleteScenario(*selected, &error))
        say(error);
    else
        say({});
}

} // namespace ledger::ui
