#pragma once

#include "store/collection.h"
#include "store/requestinput.h"

namespace corscope {

class VariableResolver;

// A composed request as a new collection entry: what the composer shows, its page origin as the
// only origin.
SavedRequest savedRequestFrom(const RequestInput &input);

// The saved request `base` brought up to date with the composer's `input`, which was filled from it
// with its {{variables}} resolved. A field the user did not change keeps its placeholders (saving must
// not bake "{{api}}" into a URL); a changed one takes the composer's text. The origin matrix, the
// expected verdict and the delay, which the composer does not show, are kept; a page origin that is not
// among the matrix's origins replaces a single origin.
SavedRequest updatedSavedRequest(
    const SavedRequest &base, const RequestInput &input, const VariableResolver &resolver);

} // namespace corscope
