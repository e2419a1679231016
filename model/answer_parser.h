// Reads boxes out of the model's text: `<|box_start|>(x1,y1),(x2,y2)<|box_end|>` on the 0-1000
// scale and the looser forms the MIG-Bench scorer accepts, the image each box belongs to, and
// `<|object_ref_start|>...<|object_ref_end|>` phrases. Never throws on malformed text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace migician::model {

struct ParsedBox
{
    int image = 0; // 1-based image the box belongs to; 0 when the text does not say
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0; // normalised 0..1, ordered and clamped
    std::string phrase;                    // the object_ref phrase just before the box, if any
};

struct ParsedAnswer
{
    std::vector<ParsedBox> boxes;
    std::vector<std::string> phrases; // every object_ref phrase, in order
    std::string failure;              // why no box was found (empty when boxes were found)
};

// imageCount bounds image numbers (0: unknown).
ParsedAnswer parseAnswer(std::string_view text, int imageCount = 0);

// 1-based image numbers named in a text, in order of appearance: "first" ... "sixth image",
// "Image-k" / "image-k", "kth image" (also the sloppy "2th image").
std::vector<int> imageMentions(std::string_view text);

struct PixelBox
{
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
};

// A normalised box in the pixel coordinates of an image of the given size.
PixelBox toPixels(const ParsedBox &box, int width, int height);

} // namespace migician::model
