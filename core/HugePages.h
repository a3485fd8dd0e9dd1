#pragma once
// Large buffers filled once (the images' pixels) are asked to be backed by 2 MiB pages. Touching fresh memory costs
// a page fault per 4 KiB page; on a virtual machine each fault costs microseconds, and they were a third of loading
// FashionMNIST. With transparent huge pages in "madvise" mode (Debian's default) the same memory takes a few dozen
// faults.
#include <cstddef>

namespace aedyn {

// Advises the kernel to back the whole 2 MiB pages inside [data, data + bytes) with huge pages. Call it before the
// memory is first written. A hint only: where the kernel declines or the platform has none, nothing changes.
void adviseHugePages(void* data, std::size_t bytes);

} // namespace aedyn
