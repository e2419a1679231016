// Box extraction from model answers: the official Qwen2-VL form, the MIG-Bench scorer's looser
// forms, per-image attribution, object_ref phrases, and text that holds no box at all.
#include "model/answer_parser.h"

#include <doctest/doctest.h>

using migician::model::imageMentions;
using migician::model::parseAnswer;
using migician::model::toPixels;

TEST_CASE("parser: the official box form on the 0-1000 scale")
{
    const auto answer = parseAnswer("<|box_start|>(316,58),(764,999)<|box_end|>");
    REQUIRE(answer.boxes.size() == 1);
    CHECK(answer.failure.empty());
    const auto &box = answer.boxes[0];
    CHECK(box.x1 == doctest::Approx(0.316));
    CHECK(box.y1 == doctest::Approx(0.058));
    CHECK(box.x2 == doctest::Approx(0.764));
    CHECK(box.y2 == doctest::Approx(0.999));
    CHECK(box.image == 0);

    const auto pixels = toPixels(box, 1000, 500);
    CHECK(pixels.x1 == doctest::Approx(316));
    CHECK(pixels.y1 == doctest::Approx(29));
    CHECK(pixels.x2 == doctest::Approx(764));
    CHECK(pixels.y2 == doctest::Approx(499.5));
}

TEST_CASE("parser: spaces, decimals and the prompt's box_start typo are tolerated")
{
    const auto spaced = parseAnswer("<|box_start|> ( 100 , 200.5 ) , ( 300 , 400 ) <|box_end|>");
    REQUIRE(spaced.boxes.size() == 1);
    CHECK(spaced.boxes[0].y1 == doctest::Approx(0.2005));
    // Migician's format string closes with a second <|box_start|>; models copy it.
    const auto typo = parseAnswer("<|box_start|>(10,20),(30,40)<|box_start|>");
    REQUIRE(typo.boxes.size() == 1);
    CHECK(typo.boxes[0].x2 == doctest::Approx(0.03));
    const auto doubled = parseAnswer("<|box_start|><|box_start|>(10,20),(30,40)<|box_end|>");
    REQUIRE(doubled.boxes.size() == 1);
    const auto noOpening = parseAnswer("(10,20),(30,40)<|box_end|>");
    REQUIRE(noOpening.boxes.size() == 1);
    CHECK(noOpening.boxes[0].y2 == doctest::Approx(0.04));
    // A tagged box wins over an untagged pair elsewhere in the text.
    const auto mixed
            = parseAnswer("between (1,2),(3,4) and <|box_start|>(500,500),(600,600)<|box_end|>");
    REQUIRE(mixed.boxes.size() == 1);
    CHECK(mixed.boxes[0].x1 == doctest::Approx(0.5));
}

TEST_CASE("parser: swapped corners are ordered and values clamped")
{
    const auto answer = parseAnswer("<|box_start|>(900,800),(100,1200)<|box_end|>");
    REQUIRE(answer.boxes.size() == 1);
    const auto &box = answer.boxes[0];
    CHECK(box.x1 == doctest::Approx(0.1));
    CHECK(box.x2 == doctest::Approx(0.9));
    CHECK(box.y1 == doctest::Approx(0.8));
    CHECK(box.y2 == doctest::Approx(1.0));
}

TEST_CASE("parser: 0..1 values are taken as normalised, integers as the 0-1000 scale")
{
    const auto fractional = parseAnswer("<|box_start|>(0.25,0.5),(0.75,1)<|box_end|>");
    REQUIRE(fractional.boxes.size() == 1);
    CHECK(fractional.boxes[0].x1 == doctest::Approx(0.25));
    CHECK(fractional.boxes[0].y2 == doctest::Approx(1.0));
    // All integers <= 1: still the 0-1000 scale (a 1/1000-wide box).
    const auto integers = parseAnswer("<|box_start|>(0,0),(1,1)<|box_end|>");
    REQUIRE(integers.boxes.size() == 1);
    CHECK(integers.boxes[0].x2 == doctest::Approx(0.001));
}

TEST_CASE("parser: the scorer's looser forms when no official box is present")
{
    const auto list = parseAnswer("The answer is [0.1, 0.2, 0.3, 0.4].");
    REQUIRE(list.boxes.size() == 1);
    CHECK(list.boxes[0].x1 == doctest::Approx(0.1));
    CHECK(list.boxes[0].y2 == doctest::Approx(0.4));
    const auto intList = parseAnswer("[100,200,300,400]");
    REQUIRE(intList.boxes.size() == 1);
    CHECK(intList.boxes[0].x2 == doctest::Approx(0.3));
    const auto pairs = parseAnswer("box: (0.12,0.34),(0.56,0.78)");
    REQUIRE(pairs.boxes.size() == 1);
    CHECK(pairs.boxes[0].y1 == doctest::Approx(0.34));
    const auto tag = parseAnswer("<box>100 200 300 400</box>");
    REQUIRE(tag.boxes.size() == 1);
    CHECK(tag.boxes[0].y1 == doctest::Approx(0.2));
    // A list of 3 numbers is not a box.
    CHECK(parseAnswer("[1, 2, 3]").boxes.empty());
}

TEST_CASE("parser: several boxes are attributed to the image named before each")
{
    const auto prefixed = parseAnswer("Image-1: <|box_start|>(10,10),(20,20)<|box_end|>\n"
                                      "Image-3: <|box_start|>(30,30),(40,40)<|box_end|>",
                                      4);
    REQUIRE(prefixed.boxes.size() == 2);
    CHECK(prefixed.boxes[0].image == 1);
    CHECK(prefixed.boxes[1].image == 3);

    const auto third
            = parseAnswer("It's in the third image. <|box_start|>(316,58),(764,999)<|box_end|>", 3);
    REQUIRE(third.boxes.size() == 1);
    CHECK(third.boxes[0].image == 3);
    CHECK(third.boxes[0].x1 == doctest::Approx(0.316));

    const auto sloppy = parseAnswer("In the 2th image <|box_start|>(1,2),(3,4)<|box_end|>", 2);
    REQUIRE(sloppy.boxes.size() == 1);
    CHECK(sloppy.boxes[0].image == 2);

    // An image number beyond the case's images is ignored; the earlier valid mention holds.
    const auto bounded
            = parseAnswer("first image, not image-9: <|box_start|>(1,2),(3,4)<|box_end|>", 2);
    REQUIRE(bounded.boxes.size() == 1);
    CHECK(bounded.boxes[0].image == 1);
}

TEST_CASE("parser: object_ref phrases name the boxes that follow them")
{
    const auto answer = parseAnswer(
            "<|object_ref_start|>the red cup<|object_ref_end|><|box_start|>(1,2),(3,4)<|box_end|> "
            "and <|object_ref_start|> the knife <|object_ref_end|><|box_start|>(5,6),(7,8)"
            "<|box_end|><|box_start|>(9,9),(10,10)<|box_end|>");
    REQUIRE(answer.boxes.size() == 3);
    CHECK(answer.phrases == std::vector<std::string>{"the red cup", "the knife"});
    CHECK(answer.boxes[0].phrase == "the red cup");
    CHECK(answer.boxes[1].phrase == "the knife");
    CHECK(answer.boxes[2].phrase.empty());
}

TEST_CASE("parser: garbage never throws and says why there is no box")
{
    for (const char *text :
         {"", "   ", "I cannot find it.", "<|box_start|>(12,abc),(3,4)<|box_end|>", "((((((((",
          "(1,2),(3", "[1,2,3,", "<box>1 2 3</box>", "(1e999,2),(3,4)", "\xff\xfe(\x80,1)"}) {
        INFO(text);
        const auto answer = parseAnswer(text, 3);
        CHECK(answer.boxes.empty());
        CHECK_FALSE(answer.failure.empty());
    }
    CHECK(parseAnswer("<|box_start|>nothing<|box_end|>").failure.find("<|box_start|>")
          != std::string::npos);
    // A very long answer is scanned in linear time without recursion.
    std::string longText(200000, '(');
    longText += "(1,2),(3,4)<|box_end|>";
    CHECK(parseAnswer(longText).boxes.size() == 1);
}

TEST_CASE("parser: image mentions in order, case-insensitive")
{
    CHECK(imageMentions("The FIRST image and the Second Image, then image-4 and Image-2.")
          == std::vector<int>{1, 2, 4, 2});
    CHECK(imageMentions("the 2th image, the 3rd image, the 1st image, the 5th image")
          == std::vector<int>{2, 3, 1, 5});
    CHECK(imageMentions("sixth image; fifth  image") == std::vector<int>{6, 5});
    CHECK(imageMentions("imagery of the first images, no images here").empty());
}
