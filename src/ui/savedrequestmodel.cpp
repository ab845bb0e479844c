#include "ui/savedrequestmodel.h"

namespace corscope {

SavedRequestModel::SavedRequestModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

SavedRequestModel::~SavedRequestModel() = default;

int SavedRequestModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_collection.requests.size());
}

QVariant SavedRequestModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CollectionRequest &request = m_collection.requests.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return request.name.isEmpty() ? QString(request.input.method + u' ' + request.input.url)
                                      : request.name;
    case Qt::ToolTipRole: {
        QString tip = request.input.method + u' ' + request.input.url;
        if (request.expect)
            tip += u"\nExpected: " + *request.expect;
        return QString(tip + u"\nClick to load it into the composer, double-click to send it.");
    }
    case MethodRole:
        return request.input.method;
    case UrlRole:
        return request.input.url;
    case ExpectRole:
        return request.expect.value_or(QString());
    default:
        return {};
    }
}

void SavedRequestModel::setCollection(const Collection &collection)
{
    beginResetModel();
    m_collection = collection;
    endResetModel();
}

const CollectionRequest *SavedRequestModel::requestAt(int row) const
{
    return row >= 0 && row < m_collection.requests.size() ? &m_collection.requests.at(row) : nullptr;
}

} // namespace corscope
