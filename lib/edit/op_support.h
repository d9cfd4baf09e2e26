#pragma once
// What the item and feedback operations (ops.h) share: the files of a session opened as YamlText in
// the style of their kind, the entry or item an id names (or why it may be unknown), values split
// from the command line, changes recorded in a plan, refusals worded for the commands. Internal to
// lib/edit/.

#include "edit/plan.h"
#include "workspace/workspace.h"
#include "yaml/edit.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pops::ops_detail {

/// The top-level lists of a roadmap file and of a feedback file.
inline constexpr std::string_view k_items = "items";
inline constexpr std::string_view k_entries = "entries";

/// "PAY-12" -> ("PAY", 12); n 0 when it is not an id.
std::pair<std::string, long> split_id(std::string_view id);

std::vector<std::string> split_values(std::string_view v);

/// The values of repeated `--tag a,b` style options as plain scalars, first occurrence kept.
std::vector<NewScalar> unique_values(const std::vector<std::string>& in);

/// Wraps an EditRefused from the engine into the message of a command.
[[noreturn]] void refuse(const std::string& file, std::string_view what, const EditRefused& e);

YamlText open_text(const EditSession& s, const std::string& file);

/// The style of `y`, completed from the other files of the same kind.
TextStyle style_for(const EditSession& s, const YamlText& y, const std::string& path, FileKind kind);

/// Index of the entry with `id` in the top-level list `key`.
size_t find_entry(const YamlText& y, std::string_view key, const std::string& id, const std::string& file);

/// Why `id` may be unknown only because the file holding it could not be read: a roadmap or
/// feedback file that mentions it but did not load (merge conflict markers, invalid YAML), or one
/// that was not read at all. Empty when every file was read.
std::string unread_holder(const EditSession& s, const std::string& id, FileKind kind);

const Item& find_item(const EditSession& s, const std::string& id);

std::vector<std::string> list_texts(const YNode* n);

bool contains(const std::vector<std::string>& v, const std::string& x);

FileChange change_of(const EditSession& s, const std::string& path, const std::string& after);

/// Adds `changes` whose content differs.
void add_change(EditPlan& plan, FileChange c);

}  // namespace pops::ops_detail
