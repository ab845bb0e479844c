#pragma once

#include "core/accesscheck.h"
#include "core/corsenums.h"
#include "core/finding.h"

#include <QByteArray>

namespace corscope {

// The facts about the request that the explanation of a failure talks about.
struct ExplanationContext
{
    Stage stage = Stage::Actual;
    QByteArray serializedOrigin; // as sent ("null" after a tainting redirect)
    QByteArray pageOrigin;
    QByteArray method;
    CredentialsMode credentials = CredentialsMode::SameOrigin;
    int status = 0;
    bool originTainted = false;
};

// Fills seen, needed, explanation and fix of a finding for people to read.
void explainFailure(Finding &finding, const CheckFailure &failure, const ExplanationContext &context);

} // namespace corscope
