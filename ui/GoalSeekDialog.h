#pragma once
// Goal seek in the window (docs/model.md 11.8): pick a number of the portfolio (or type its input
// path), a target (two alternatives cost the same, an NPV cost, an LCOC) and a bracket; the value
// found is said in words and can be set in the portfolio or kept as a scenario, each one undoable
// step. The work is data::goalSeekInput's, as `computeledger goal-seek` does it; always on the base
// case (the portfolio as given, not a scenario shown).
#include "data/GoalSeekInput.h"
#include "models/GoalSeekInputs.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace ledger::models {
class PortfolioDocument;
}

namespace ledger::ui {

class GoalSeekDialog : public QDialog {
    Q_OBJECT
public:
    explicit GoalSeekDialog(models::PortfolioDocument* doc, QWidget* parent = nullptr);

    // Runs the goal seek with what the dialog holds; false and the reason shown when it cannot run.
    bool solve();
    // The last solution set in the portfolio / added as a scenario (one undo step each).
    bool setInput();
    bool addScenario();
    const std::optional<data::InputGoalSeek>& lastSolve() const { return last_; }

private:
    void inputChosen();
    void pathEdited();
    void targetChanged();
    void showProblem(const QString& text);
    std::optional<data::GoalSeekTarget> target(QString* error) const;
    std::optional<data::GoalSeekBracket> bracket(QString* error) const;
    const models::NumericInput* currentInput() const;

    models::PortfolioDocument* doc_;
    std::vector<models::NumericInput> inputs_;
    QComboBox* input_;
    QLineEdit* path_;
    QLabel* now_;
    QComboBox* kind_;
    QComboBox* a_;
    QComboBox* b_;
    QLineEdit* value_;
    QLineEdit* lo_;
    QLineEdit* hi_;
    QLabel* bracketSource_;
    QLabel* result_;
    QPushButton* setInput_;
    QPushButton* addScenario_;
    bool bracketGiven_ = false; // typed by the user, not the input's default
    std::optional<data::InputGoalSeek> last_;
};

} // namespace ledger::ui
