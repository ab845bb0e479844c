#pragma once

#include "store/collection.h"

#include <QStringList>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace corscope {

class OriginListEditor;

// The fields of a saved request that the composer does not edit: its name and description, the
// page origins of its origin matrix, the expected verdict, fetch()'s credentials and redirect modes,
// the browser and the delay before sending. Method, URL, headers and body stay the composer's;
// request() hands them back unchanged. Object names start with "settings" so a window test can
// tell them from the composer's own combos. A folder shows its name and description only.
class RequestSettingsEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestSettingsEditor)

public:
    explicit RequestSettingsEditor(QWidget *parent = nullptr);
    ~RequestSettingsEditor() override;

    // Fills every field from an item; for a folder, only the name and description rows are shown.
    void setItem(const CollectionItem &item);
    bool isFolder() const { return m_folder; }
    // The origins the request falls back to when its own list is empty (shown as a note).
    void setCollectionOrigins(const QStringList &origins);

    QString name() const;
    QString description() const;
    // The item's request with the edited fields in place.
    SavedRequest request() const;
    // One sentence per problem (an origin that does not parse, an empty name); empty when none.
    QStringList problems() const;

    OriginListEditor *originEditor() const { return m_origins; }

Q_SIGNALS:
    void changed();

private:
    static void select(QComboBox *combo, const QString &value);

    SavedRequest m_request;
    bool m_folder = false;
    QFormLayout *m_form;
    QLabel *m_summary;
    QLineEdit *m_name;
    OriginListEditor *m_origins;
    QComboBox *m_expect;
    QComboBox *m_credentials;
    QComboBox *m_redirect;
    QComboBox *m_browser;
    QSpinBox *m_delay;
    QPlainTextEdit *m_description;
};

} // namespace corscope
