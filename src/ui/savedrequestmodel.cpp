#include "ui/savedrequestmodel.h"

#include "store/variables.h"

namespace corscope {

SavedRequestModel::SavedRequestModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

SavedRequestModel::~SavedRequestModel() = default;

int SavedRequestModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant SavedRequestModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CollectionItem &item = *m_entries.at(index.row()).item;
    const SavedRequest &request = item.request;
    switch (role) {
    case Qt::DisplayRole:
        return item.name.isEmpty() ? QString(request.method + u' ' + request.url) : item.name;
    case Qt::ToolTipRole: {
        QString tip = request.method + u' ' + request.url;
        if (request.expect)
            tip += u"\nExpected: " + *request.expect;
        return QString(tip + u"\nClick to load it into the composer, double-click to send it.");
    }
    case MethodRole:
        return request.method;
    case UrlRole:
        return request.url;
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
    m_entries = m_collection.requests().value_or(QList<CollectionEntry>());
    endResetModel();
}

const CollectionItem *SavedRequestModel::requestAt(int row) const
{
    return row >= 0 && row < m_entries.size() ? m_entries.at(row).item : nullptr;
}

RequestInput SavedRequestModel::inputAt(int row) const
{
    const CollectionItem *item = requestAt(row);
    if (!item)
        return {};
    const VariableResolver resolver(m_collection, nullptr);
    QStringList problems;
    const QList<RequestInput> inputs = resolver.inputsFor(item->request, {}, &problems);
    return inputs.value(0);
}

} // namespace corscope
