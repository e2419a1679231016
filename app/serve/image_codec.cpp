#include "image_codec.h"

#include "model/png_layout.h"

#include <png.h>
// jpeglib.h needs FILE and size_t declared first.
#include <cstdio>
#include <jpeglib.h>
// After jpeglib.h: the message codes (JWRN_JPEG_EOF).
#include <jerror.h>

#include <csetjmp>
#include <cstring>
#include <vector>

namespace migician::serve {

namespace {

// libpng and libjpeg report errors by longjmp. Everything the decoders touch lives in these
// plain context structs, so no C++ object's lifetime is crossed by the jump.
struct ErrorText
{
    char text[256] = {};
    void set(const char *message) { std::snprintf(text, sizeof text, "%s", message); }
};

bool sizeAllowed(std::uint64_t width, std::uint64_t height, const DecodeLimits &limits,
                 std::string *error)
{
    if (width == 0 || height == 0) {
        *error = "the image is empty";
        return false;
    }
    if (width > std::uint64_t(limits.maxSide) || height > std::uint64_t(limits.maxSide)
        || width * height > std::uint64_t(limits.maxPixels)) {
        *error = std::to_string(width) + "x" + std::to_string(height) + " = "
                 + std::to_string(width * height)
                 + " pixels is more than this server accepts per image ("
                 + std::to_string(limits.maxPixels) + " pixels, " + std::to_string(limits.maxSide)
                 + " per side)";
        return false;
    }
    return true;
}

// ---- PNG ------------------------------------------------------------------------------------

struct PngSource
{
    const unsigned char *data = nullptr;
    std::size_t size = 0;
    std::size_t offset = 0;
    ErrorText error;
    std::jmp_buf jump;
};

void pngError(png_structp png, png_const_charp message)
{
    auto *source = static_cast<PngSource *>(png_get_error_ptr(png));
    source->error.set(message);
    std::longjmp(source->jump, 1);
}

void pngWarning(png_structp, png_const_charp) {}

void pngRead(png_structp png, png_bytep out, png_size_t length)
{
    auto *source = static_cast<PngSource *>(png_get_io_ptr(png));
    if (length > source->size - source->offset)
        png_error(png, "the PNG data ends early");
    std::memcpy(out, source->data + source->offset, length);
    source->offset += length;
}

struct PngState
{
    png_structp png = nullptr;
    png_infop info = nullptr;
    png_uint_32 width = 0;
    png_uint_32 height = 0;
    std::vector<png_bytep> rows;
};

// Returns 0 when done, 1 after a libpng error, 2 when the size is refused.
int decodePngSteps(PngSource *source, PngState *state, const DecodeLimits &limits,
                   model::RgbImage *out, std::string *error)
{
    if (setjmp(source->jump))
        return 1;
    png_set_read_fn(state->png, source, &pngRead);
    png_set_user_limits(state->png, png_uint_32(limits.maxSide), png_uint_32(limits.maxSide));
    png_read_info(state->png, state->info);
    state->width = png_get_image_width(state->png, state->info);
    state->height = png_get_image_height(state->png, state->info);
    if (!sizeAllowed(state->width, state->height, limits, error))
        return 2;
    const int colorType = png_get_color_type(state->png, state->info);
    png_set_expand(state->png); // palette -> RGB, 1/2/4-bit gray -> 8 bits, tRNS -> alpha
    png_set_strip_16(state->png);
    png_set_strip_alpha(state->png);
    if (colorType == PNG_COLOR_TYPE_GRAY || colorType == PNG_COLOR_TYPE_GRAY_ALPHA)
        png_set_gray_to_rgb(state->png);
    png_set_interlace_handling(state->png);
    png_read_update_info(state->png, state->info);
    if (png_get_rowbytes(state->png, state->info) != std::size_t(state->width) * 3)
        png_error(state->png, "unexpected row layout after conversion to RGB");
    out->width = int(state->width);
    out->height = int(state->height);
    out->pixels.resize(std::size_t(state->width) * state->height * 3);
    state->rows.resize(state->height);
    for (png_uint_32 y = 0; y < state->height; ++y)
        state->rows[y] = out->pixels.data() + std::size_t(y) * state->width * 3;
    png_read_image(state->png, state->rows.data());
    png_read_end(state->png, nullptr);
    return 0;
}

bool decodePng(std::string_view bytes, const DecodeLimits &limits, model::RgbImage *out,
               std::string *error)
{
    // libpng would allocate a chunk at whatever length it declares (model/png_layout.h).
    if (const std::string problem = model::pngLayoutProblem(bytes); !problem.empty()) {
        *error = "corrupt PNG: " + problem;
        return false;
    }
    PngSource source;
    source.data = reinterpret_cast<const unsigned char *>(bytes.data());
    source.size = bytes.size();
    PngState state;
    state.png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &source, &pngError, &pngWarning);
    if (state.png)
        state.info = png_create_info_struct(state.png);
    if (!state.png || !state.info) {
        png_destroy_read_struct(&state.png, nullptr, nullptr);
        *error = "out of memory starting the PNG decoder";
        return false;
    }
    const int outcome = decodePngSteps(&source, &state, limits, out, error);
    png_destroy_read_struct(&state.png, &state.info, nullptr);
    if (outcome == 1)
        *error = std::string("corrupt PNG: ") + source.error.text;
    if (outcome != 0)
        *out = {};
    return outcome == 0;
}

// ---- JPEG -----------------------------------------------------------------------------------

struct JpegError
{
    jpeg_error_mgr manager; // first member: libjpeg hands back a pointer to it
    ErrorText error;
    bool truncated = false;
    std::jmp_buf jump;
};

void jpegError(j_common_ptr info)
{
    auto *state = reinterpret_cast<JpegError *>(info->err);
    char message[JMSG_LENGTH_MAX];
    (*info->err->format_message)(info, message);
    state->error.set(message);
    std::longjmp(state->jump, 1);
}

// libjpeg only warns about a file that ends early and fills the rest with gray; Pillow refuses
// such a file ("image file is truncated"), and so do we.
void jpegMessage(j_common_ptr info, int level)
{
    if (level == -1 && info->err->msg_code == JWRN_JPEG_EOF)
        reinterpret_cast<JpegError *>(info->err)->truncated = true;
}

int decodeJpegSteps(jpeg_decompress_struct *info, JpegError *errors, std::string_view bytes,
                    const DecodeLimits &limits, model::RgbImage *out, std::string *error)
{
    if (setjmp(errors->jump))
        return 1;
    jpeg_create_decompress(info);
    jpeg_mem_src(info, reinterpret_cast<const unsigned char *>(bytes.data()),
                 static_cast<unsigned long>(bytes.size()));
    jpeg_read_header(info, TRUE);
    if (!sizeAllowed(info->image_width, info->image_height, limits, error))
        return 2;
    if (info->jpeg_color_space == JCS_CMYK || info->jpeg_color_space == JCS_YCCK) {
        *error = "CMYK JPEGs are not supported; send an RGB or grayscale image";
        return 2;
    }
    info->out_color_space = JCS_RGB; // grayscale is replicated, as Pillow's convert("RGB")
    jpeg_start_decompress(info);
    if (info->output_components != 3) {
        *error = "the JPEG did not decode to RGB";
        return 2;
    }
    out->width = int(info->output_width);
    out->height = int(info->output_height);
    out->pixels.resize(std::size_t(out->width) * out->height * 3);
    while (info->output_scanline < info->output_height) {
        JSAMPROW row = out->pixels.data() + std::size_t(info->output_scanline) * out->width * 3;
        jpeg_read_scanlines(info, &row, 1);
    }
    jpeg_finish_decompress(info);
    if (errors->truncated) {
        *error = "truncated JPEG: the data ends before the last scanline";
        return 2;
    }
    return 0;
}

bool decodeJpeg(std::string_view bytes, const DecodeLimits &limits, model::RgbImage *out,
                std::string *error)
{
    jpeg_decompress_struct info{};
    JpegError errors;
    info.err = jpeg_std_error(&errors.manager);
    errors.manager.error_exit = &jpegError;
    errors.manager.emit_message = &jpegMessage;
    const int outcome = decodeJpegSteps(&info, &errors, bytes, limits, out, error);
    jpeg_destroy_decompress(&info);
    if (outcome == 1)
        *error = std::string("corrupt JPEG: ") + errors.error.text;
    if (outcome != 0)
        *out = {};
    return outcome == 0;
}

} // namespace

ImageFormat sniffImageFormat(std::string_view bytes)
{
    static constexpr unsigned char png[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    if (bytes.size() >= sizeof png && std::memcmp(bytes.data(), png, sizeof png) == 0)
        return ImageFormat::Png;
    if (bytes.size() >= 3 && static_cast<unsigned char>(bytes[0]) == 0xff
        && static_cast<unsigned char>(bytes[1]) == 0xd8
        && static_cast<unsigned char>(bytes[2]) == 0xff)
        return ImageFormat::Jpeg;
    return ImageFormat::Unknown;
}

bool decodeImage(std::string_view bytes, const DecodeLimits &limits, model::RgbImage *out,
                 std::string *error)
{
    switch (sniffImageFormat(bytes)) {
    case ImageFormat::Png:
        return decodePng(bytes, limits, out, error);
    case ImageFormat::Jpeg:
        return decodeJpeg(bytes, limits, out, error);
    case ImageFormat::Unknown:
        break;
    }
    *error = bytes.empty() ? "the image is empty" : "not a PNG or JPEG image";
    return false;
}

} // namespace migician::serve
