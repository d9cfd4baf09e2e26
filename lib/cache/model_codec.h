#pragma once
// The model to bytes and back: a FilePart (findings and model objects of one file) as the check
// cache stores it. Layout: cache_bytes.h's primitives, each struct of model.h member by member in
// the order of its field list (workspace/model_fields.h). A change of layout bumps k_cache_format
// (cache/cache_file.h).

#include "cache/cache_bytes.h"
#include "workspace/file_part.h"

#include <string>
#include <string_view>
#include <vector>

namespace pops {

/// FilePart to bytes and back; decode_part returns false on malformed bytes.
std::string encode_part(const FilePart& part);
/// The bytes of encode_part for a FilePart holding only this element, without building one.
std::string encode_part_of(const Item& item);
std::string encode_part_of(const Feedback& feedback);
std::string encode_part_of(const Doc& doc);
bool decode_part(std::string_view bytes, FilePart& part);

/// Lists of findings and of strings in the same layout, for the stored results of a check.
/// get_* throw cache_bytes::Malformed on malformed bytes.
void put_findings(cache_bytes::Writer& w, const std::vector<Finding>& findings);
void get_findings(cache_bytes::Reader& r, std::vector<Finding>& findings);
void put_strings(cache_bytes::Writer& w, const std::vector<std::string>& strings);
void get_strings(cache_bytes::Reader& r, std::vector<std::string>& strings);

}  // namespace pops
