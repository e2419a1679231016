// Fuzz target: the model's free text -> boxes (model/answer_parser.h). Input: one byte for the
// number of images (0..7, 0 = unknown), then the answer text. Invariants: never throws; every box
// is ordered and inside 0..1; a box's image is 0 or within the image count; a failure reason
// exactly when no box was found; a box's phrase is one of the phrases; the image count never
// changes how many boxes are read.
#include "fuzz_support.h"

#include "model/answer_parser.h"

#include <algorithm>

using namespace migician;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const int imageCount = data[0] % 8;
    const std::string_view text = fuzz::asText(data + 1, size - 1);

    const model::ParsedAnswer answer = model::parseAnswer(text, imageCount);
    FUZZ_CHECK(answer.boxes.empty() != answer.failure.empty(), answer.failure);
    for (const model::ParsedBox &box : answer.boxes) {
        FUZZ_CHECK(0 <= box.x1 && box.x1 <= box.x2 && box.x2 <= 1, "x outside 0..1 or unordered");
        FUZZ_CHECK(0 <= box.y1 && box.y1 <= box.y2 && box.y2 <= 1, "y outside 0..1 or unordered");
        FUZZ_CHECK(box.image >= 0, "negative image number");
        FUZZ_CHECK(imageCount == 0 || box.image <= imageCount, "image beyond the image count");
        FUZZ_CHECK(box.phrase.empty()
                           || std::find(answer.phrases.begin(), answer.phrases.end(), box.phrase)
                                      != answer.phrases.end(),
                   "a box phrase that is not among the phrases: " + box.phrase);
        const model::PixelBox pixels = model::toPixels(box, 640, 480);
        FUZZ_CHECK(0 <= pixels.x1 && pixels.x2 <= 640 && 0 <= pixels.y1 && pixels.y2 <= 480,
                   "pixel box outside the image");
    }
    FUZZ_CHECK(model::parseAnswer(text, 0).boxes.size() == answer.boxes.size(),
               "the image count changed the number of boxes");
    for (const int image : model::imageMentions(text))
        FUZZ_CHECK(image >= 0 && image <= 9999, "image mention " + std::to_string(image));
    return 0;
}
