#pragma once
// Readers for the two image formats of theory.md §2.5: MNIST-style IDX files (FashionMNIST) and the binary version
// of CIFAR-10, each gzip-compressed or plain. CIFAR-10 is converted to grayscale as PIL's convert("L") does.
// Every problem is reported as ImageFileError with the file's path and what is wrong with it.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace aedyn {

class ImageFileError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Grayscale images, one after another, each rows × cols bytes in row-major order.
struct ImageSet {
    int rows = 0, cols = 0;
    long count = 0;
    std::vector<std::uint8_t> pixels;  // count · rows · cols

    int pixelsPerImage() const { return rows * cols; }
    const std::uint8_t* image(long i) const { return pixels.data() + i * pixelsPerImage(); }
};

// An IDX file of unsigned bytes with three dimensions (magic 0x00000803). maxCount > 0 keeps the first maxCount.
ImageSet readIdxImages(const std::string& path, long maxCount = 0);

// CIFAR-10 binary batches (records of 1 label byte + 3·1024 colour bytes), concatenated in the given order.
ImageSet readCifarBatches(const std::vector<std::string>& paths, long maxCount = 0);

// PIL's convert("L"): (19595 R + 38470 G + 7471 B + 32768) >> 16.
inline std::uint8_t cifarGray(std::uint8_t r, std::uint8_t g, std::uint8_t b)
{
    return static_cast<std::uint8_t>((19595u * r + 38470u * g + 7471u * b + 32768u) >> 16);
}

// Writes an IDX image file (gzip-compressed when the name ends in .gz); used by tests and tools.
void writeIdxImages(const std::string& path, const ImageSet& images);

} // namespace aedyn
