#pragma once

#include "store/collection.h"
#include "store/requestinput.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace corscope {

// {{name}} substitution: the selected environment first, then the collection's variables.
// {{env:NAME}} reads the process environment at run time; its value is never stored anywhere.
class VariableResolver
{
public:
    using ProcessEnvironment = std::function<std::optional<QString>(const QString &name)>;

    VariableResolver(const Collection &collection, const Environment *environment,
                     ProcessEnvironment processEnvironment = {});

    // Returns text with every placeholder replaced. Unknown variables are reported in *problems
    // (one sentence each) and left as written.
    QString resolve(const QString &text, QStringList *problems) const;

    // The RequestInput for each page origin of the request (the override list when not empty,
    // else the request's origins, else the collection's). Problems go to *problems.
    QList<RequestInput> inputsFor(const SavedRequest &request, const QStringList &originOverride,
                                  QStringList *problems) const;

private:
    QString resolveDepth(const QString &text, QStringList *problems, int depth) const;

    const Collection &m_collection;
    const Environment *m_environment;
    ProcessEnvironment m_processEnvironment;
};

} // namespace corscope
