// Chromium's CorsError kinds (CDP Network.CorsError) -> corscope check id and stage (null: the stage is
// "actual" or "redirect", depending on which response Chromium failed on). Shared by the browser tests.
export const CORS_KINDS = {
    MissingAllowOriginHeader: ['missing-allow-origin', null],
    MultipleAllowOriginValues: ['multiple-allow-origin', null],
    InvalidAllowOriginValue: ['invalid-allow-origin', null],
    AllowOriginMismatch: ['allow-origin-mismatch', null],
    WildcardOriginNotAllowed: ['wildcard-origin-with-credentials', null],
    InvalidAllowCredentials: ['invalid-allow-credentials', null],
    PreflightMissingAllowOriginHeader: ['missing-allow-origin', 'preflight'],
    PreflightMultipleAllowOriginValues: ['multiple-allow-origin', 'preflight'],
    PreflightInvalidAllowOriginValue: ['invalid-allow-origin', 'preflight'],
    PreflightAllowOriginMismatch: ['allow-origin-mismatch', 'preflight'],
    PreflightWildcardOriginNotAllowed: ['wildcard-origin-with-credentials', 'preflight'],
    PreflightInvalidAllowCredentials: ['invalid-allow-credentials', 'preflight'],
    PreflightInvalidStatus: ['preflight-invalid-status', 'preflight'],
    PreflightDisallowedRedirect: ['preflight-disallowed-redirect', 'preflight'],
    MethodDisallowedByPreflightResponse: ['method-disallowed', 'preflight'],
    HeaderDisallowedByPreflightResponse: ['header-disallowed', 'preflight'],
    InvalidAllowMethodsPreflightResponse: ['invalid-allow-methods', 'preflight'],
    InvalidAllowHeadersPreflightResponse: ['invalid-allow-headers', 'preflight'],
    RedirectContainsCredentials: ['redirect-contains-credentials', 'redirect'],
};
