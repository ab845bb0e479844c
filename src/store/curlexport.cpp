#include "store/curlexport.h"

#include "store/requestinput.h"
#include "store/variables.h"

namespace corscope {

QString curlCommandsFor(const SavedRequest &request, const VariableResolver &resolver, const QStringList &origins,
                        QStringList *problems)
{
    QStringList out;
    for (const RequestInput &input : resolver.inputsFor(request, origins, problems)) {
        if (auto built = buildRequest(input, problems, ForbiddenHeaders::Drop))
            out.append(curlCommandsFor(built->request, built->profile));
    }
    return out.join(u'\n');
}

} // namespace corscope
