#pragma once
// Every table of the window copies and exports its numbers (issue 19, "Numbers out"; docs/gui.md,
// "Copying"): cells are selected one by one, by ranges and with Ctrl (extended selection of items);
// Ctrl+C copies the selection with its headers as tab-separated text (models/TableText.h), and the
// context menu offers Copy, Copy with headers and Export CSV... (the whole table).
class QAbstractItemView;
class QAction;

namespace ledger::ui {

// Sets the selection behaviour and adds the three actions to the view (as its context menu, with
// their object names "copyCells", "copyCellsWithHeaders", "exportTableCsv"). Call once per view,
// after or before it gets its model: the actions read the view's model when triggered.
void enableTableCopy(QAbstractItemView* view);

// The action of a view that enableTableCopy set up, by object name; null for another view.
QAction* tableCopyAction(const QAbstractItemView* view, const char* name);

// Copies the view's selection (or its current cell when nothing is selected) to the clipboard.
void copyTableSelection(QAbstractItemView* view, bool withHeaders);

// Asks for a file (in the documents folder, named after the view) and writes the view's table there
// as CSV; a failure is shown in a message that names the path.
void exportTableCsv(QAbstractItemView* view);

} // namespace ledger::ui
