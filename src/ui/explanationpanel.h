#pragma once

#include "ui/exchangerecord.h"

#include <QList>
#include <QString>
#include <QWidget>
#include <functional>

class QComboBox;
class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QScrollArea;
class QStackedWidget;
class QToolButton;

namespace corscope {

// One server stack the fix can be written for, e.g. {"express", "Express (cors)"}.
struct FixStack
{
    QString id;
    QString displayName;
};

// Writes the server-side fix for a stack from the actual exchange (origin, method, headers,
// credentials). The default is the engine's fixSnippet(); tests may inject another.
using FixSnippetFunction = std::function<QString(const QString &stackId, const ExchangeRecord &exchange)>;

// Why the browser allowed or blocked an exchange, for a frontend developer: the verdict, the
// failing check in plain words, Chrome's console message, warnings, what JavaScript can read, and
// how to fix the server. It presents the engine's findings; it decides nothing itself.
class ExplanationPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExplanationPanel)

public:
    explicit ExplanationPanel(QWidget *parent = nullptr);
    ~ExplanationPanel() override;

    void setExchange(const ExchangeRecordPtr &exchange);
    void clear();
    ExchangeRecordPtr exchange() const { return m_exchange; }

    void setFixGenerator(const QList<FixStack> &stacks, FixSnippetFunction generator);
    // The engine's stacks and its fixSnippet().
    static QList<FixStack> defaultStacks();
    static FixSnippetFunction defaultFixGenerator();
    QString stack() const;
    void setStack(const QString &stackId);
    QString fixText() const;

    // The text a person sees, for tests and the clipboard: banner, explanation, console message.
    QString verdictText() const;
    QString explanationText() const;
    QString consoleText() const;

Q_SIGNALS:
    // The panel now shows this exchange (the screenshot waits for it).
    void exchangeShown(int exchangeId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateBanner();
    void updateFix();

    ExchangeRecordPtr m_exchange;
    FixSnippetFunction m_fixGenerator;

    QStackedWidget *m_pages;
    QScrollArea *m_scroll;
    QLabel *m_banner;
    QLabel *m_subtitle;
    QLabel *m_explanation;
    QString m_explanationPlain; // as the engine wrote it, with `code` in backticks
    QString m_fixPlain;
    QFormLayout *m_checkForm;
    QWidget *m_checkSection;
    QLabel *m_checkName;
    QLabel *m_checkResponse;
    QLabel *m_checkHeader;
    QLabel *m_checkSeen;
    QLabel *m_checkNeeded;
    QWidget *m_consoleSection;
    QLabel *m_consoleTitle;
    QPlainTextEdit *m_console;
    QToolButton *m_copyConsole;
    QWidget *m_fixSection;
    QLabel *m_fixLine;
    QComboBox *m_stack;
    QPlainTextEdit *m_fixSnippet;
    QToolButton *m_copyFix;
    QWidget *m_preflightSection;
    QLabel *m_preflight;
    QWidget *m_warningSection;
    QLabel *m_warnings;
    QLabel *m_readable;
};

} // namespace corscope
