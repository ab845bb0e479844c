#pragma once

#include "core/headerlist.h"

#include <QAbstractTableModel>

namespace corscope {

// A read-only header list exactly as sent or received: wire order, original spelling, duplicates
// kept. CORS headers (Access-Control-*, Origin, Vary) are marked with IsCorsHeaderRole so the view
// can highlight them from its palette.
class HeaderListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeaderListModel)

public:
    enum Column { NameColumn, ValueColumn, NUM_COLUMNS };
    enum Role { IsCorsHeaderRole = Qt::UserRole };

    explicit HeaderListModel(QObject *parent = nullptr);
    ~HeaderListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setHeaders(const HeaderList &headers);
    const HeaderList &headers() const { return m_headers; }

    static bool isCorsHeader(const QByteArray &name);

private:
    HeaderList m_headers;
};

} // namespace corscope
