#pragma once

#include "store/requestinput.h"

#include <QStringList>
#include <QWidget>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace corscope {

class HeaderEditModel;
struct ComposerState;

// Where the user writes the fetch(): method, URL, page origin, credentials, browser profile,
// headers and body. As they type, it says whether the browser will send a preflight and why, and
// flags input fetch() would refuse. It builds requests with the store's buildRequest(); it knows
// no CORS rules itself.
class ComposerPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComposerPanel)

public:
    explicit ComposerPanel(QWidget *parent = nullptr);
    ~ComposerPanel() override;

    RequestInput input() const;
    // A header value, URL or body holding Redactor::mask() (a secret that was not kept on disk) is
    // shown as such: the header row asks for its value, and the request is not sent until it is
    // entered again (secretsNotice()).
    void setInput(const RequestInput &input);

    // The request being edited, kept for the next start of the window like QSplitter::saveState():
    // a small JSON text (ui/composerstate.h), secret values masked unless SecretsAtRest keeps them.
    QByteArray saveState() const;
    // Shows what saveState() gave; false, and nothing changes, when state is empty or unreadable.
    bool restoreState(const QByteArray &state);
    // Whether the request shown is the one restoreState() brought back (a demo must not replace it).
    bool isRestored() const { return m_restored; }
    // Which secrets must be entered again, as a sentence for the status bar; empty when none.
    QString secretsNotice() const;
    // The request ready to send, or nullopt with every problem in *errors (also shown in the panel).
    std::optional<BuiltRequest> buildRequest(QStringList *errors = nullptr);

    QStringList recentOrigins() const;
    void setRecentOrigins(const QStringList &origins);
    // Moves origin to the top of the recent list (after a send).
    void rememberOrigin(const QString &origin);

    void setBusy(bool busy);
    HeaderEditModel *headerModel() const { return m_headers; }

Q_SIGNALS:
    void sendRequested();
    void cancelRequested();
    void inputChanged();

private:
    void applyState(const ComposerState &state);
    QStringList lostSecretProblems() const;
    void updateSecretsNote();
    void schedulePreview();
    void updatePreview();
    void addHeaderRow();
    void removeSelectedHeaderRows();
    void prettyPrintBody();

    QComboBox *m_method;
    QLineEdit *m_url;
    QComboBox *m_origin;
    QComboBox *m_credentials;
    QComboBox *m_redirect;
    QComboBox *m_browser;
    HeaderEditModel *m_headers;
    QTableView *m_headerView;
    QPlainTextEdit *m_body;
    QLabel *m_bodyNote;
    QLabel *m_secretsNote;
    QLabel *m_preflight;
    QLabel *m_problems;
    QPushButton *m_send;
    QPushButton *m_cancel;
    QTimer *m_previewTimer;
    bool m_restored = false;
};

} // namespace corscope
