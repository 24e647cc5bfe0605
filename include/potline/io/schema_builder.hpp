#pragma once
// One builder for every case schema: each input field is declared once, with the struct member it
// binds, its unit, default, allowed and typical range, source and a one-line description. The table
// gives the io::Schema (parsing, validation, --set, `potline schema`, `potline template`, the
// docs/cli.md tables) and the binding step ValueSet -> struct, so no hand-written
// `x = values.number("key")` line repeats what the table says.
//
// Usage (a table bound to a case struct; `part` descends into a member struct):
//
//   io::SchemaTable<SimulationCase> t("simulate-dynamics");
//   t.number("run.duration", &SimulationCase::duration_s).unit("d", "s").default_(7)
//       .range(0, 3660).exclusive_min().doc("simulated time").source("user choice");
//   t.choice("run.integrator", &SimulationCase::integrator,
//            {{"batch", IntegratorKind::kBatch}, {"cvode", IntegratorKind::kCvode}})
//       .default_("batch").doc("...");
//   auto d = t.part(&SimulationCase::dynamics);
//   d.number("dynamics.bath_height", &DynamicsParameters::bath_height_m).unit("cm", "m")
//       .default_(20).range(5, 50).source("estimate: ...").doc("liquid bath height");
//   t.number("control.target_voltage").unit("V").default_note("the steady-state voltage");  //
//   unbound
//
//   static const io::Schema schema = t.schema();
//   SimulationCase c;
//   const auto missing = t.bind(values, c);   // sets every bound member that has a value
//
// Field kinds and the members they bind: number -> double, optional_number ->
// std::optional<double> (nullopt when the input has no value), integer -> any integral type,
// boolean -> bool, text -> std::string, choice -> an enum (with its name list) or std::string.
// A field declared without a member is validated and documented like any other; the case code
// reads it from the ValueSet (fields that do not map 1:1 to a member: conditional inputs,
// alternatives, values derived from several fields). Cross-field checks run after binding.
//
// Units: `.unit("cm", "m")` is the unit of a plain number in the input and the unit the member
// holds (SI unless stated; one argument: both the same). Ranges and defaults are in the input unit.
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "potline/io/schema.hpp"
#include "potline/io/values.hpp"

namespace potline::io {

/// Sets the properties of one declared field; every setter returns *this for chaining.
class FieldBuilder {
 public:
  FieldBuilder(std::shared_ptr<std::vector<FieldSpec>> fields, std::size_t index)
      : fields_(std::move(fields)), index_(index) {}

  /// Unit of a plain number in the input and of the stored value (defaults to the input unit).
  FieldBuilder& unit(std::string input_unit, std::string stored_unit = {}) {
    spec().internal_unit = stored_unit.empty() ? input_unit : std::move(stored_unit);
    spec().unit = std::move(input_unit);
    return *this;
  }
  /// A temperature (degC, K) read as a point on the scale, not a difference.
  FieldBuilder& absolute_temperature() {
    spec().temperature_kind = core::TemperatureKind::kAbsolute;
    return *this;
  }
  /// Default value: a number (in the input unit) for numbers and integers, true/false for
  /// booleans, text for strings and choices.
  template <class T>
  FieldBuilder& default_(const T& value) {
    if constexpr (std::is_same_v<T, bool>) {
      spec().default_text = value ? "true" : "false";
    } else if constexpr (std::is_arithmetic_v<T>) {
      spec().default_value = static_cast<double>(value);
    } else {
      spec().default_text = std::string(value);
    }
    return *this;
  }
  /// Where the default comes from when it is not a fixed value (e.g. the technology).
  FieldBuilder& default_note(std::string note) {
    spec().default_note = std::move(note);
    return *this;
  }
  /// Hard range in the input unit, both bounds inclusive unless exclusive_min/max follow.
  FieldBuilder& range(std::optional<double> lo, std::optional<double> hi) {
    spec().min = lo;
    spec().max = hi;
    return *this;
  }
  FieldBuilder& min(double lo) {
    spec().min = lo;
    return *this;
  }
  FieldBuilder& exclusive_min() {
    spec().min_exclusive = true;
    return *this;
  }
  FieldBuilder& exclusive_max() {
    spec().max_exclusive = true;
    return *this;
  }
  /// Soft range in the input unit: values outside it are accepted with a warning.
  FieldBuilder& typical(double lo, double hi) {
    spec().typical_min = lo;
    spec().typical_max = hi;
    return *this;
  }
  /// The allowed items of a text field that takes a name or a list of names.
  FieldBuilder& items(std::vector<std::string> names) {
    spec().choices = std::move(names);
    return *this;
  }
  /// A % field where a value below 1 % is implausible and a fraction typed for it plausible:
  /// `0.75` gets a warning that it is read as 0.75 % (FieldSpec::warn_plain_fraction).
  FieldBuilder& warn_plain_fraction() {
    spec().warn_plain_fraction = true;
    return *this;
  }
  /// A file path (FieldSpec::path): --set resolves it against the working directory.
  FieldBuilder& path() {
    spec().path = true;
    return *this;
  }
  /// The years of a year series (FieldType::kYearSeries), inclusive, and where that span comes from.
  FieldBuilder& years(int first, int last, std::string source = {}) {
    spec().first_year = first;
    spec().last_year = last;
    spec().years_source = std::move(source);
    return *this;
  }
  FieldBuilder& source(std::string text) {
    spec().source = std::move(text);
    return *this;
  }
  FieldBuilder& doc(std::string text) {
    spec().description = std::move(text);
    return *this;
  }

 private:
  FieldSpec& spec() { return (*fields_)[index_]; }
  std::shared_ptr<std::vector<FieldSpec>> fields_;
  std::size_t index_;
};

template <class Root>
class SchemaTable;

/// The root of a table whose fields bind no member (command-line options, tables read row by row):
/// `SchemaTable<Unbound>` declares them in the same style.
struct Unbound {};

/// Per field: sets the member from a value (nullptr: no value; returns false when a required
/// value is missing) and reads it back (for tests and defaults checks). Empty for unbound fields.
template <class Root>
struct FieldBinding {
  std::function<bool(const Value*, Root&)> set;
  std::function<std::optional<Value>(const Root&)> get;
};

/// The fields of one table and their bindings, shared by the table and its parts.
template <class Root>
struct TableStorage {
  std::shared_ptr<std::vector<FieldSpec>> fields = std::make_shared<std::vector<FieldSpec>>();
  std::vector<FieldBinding<Root>> bindings;
};

/// Declares fields whose members live in `Object`, reached from the table's root struct through
/// a projection (the table itself is the part whose object is the root).
template <class Root, class Object>
class TablePart {
 public:
  using Projection = std::function<Object&(Root&)>;
  using ConstProjection = std::function<const Object&(const Root&)>;

  /// A plain number; bound to a double member or unbound.
  FieldBuilder number(std::string key, double Object::*member = nullptr) {
    return add(std::move(key), FieldType::kNumber, member);
  }
  /// A number that may be absent: the member is nullopt when the input has no value.
  FieldBuilder optional_number(std::string key, std::optional<double> Object::*member) {
    auto set = [member](const Value* v, Object& o) {
      o.*member = v ? std::optional<double>(v->number) : std::nullopt;
      return true;
    };
    auto get = [member](const Object& o) -> std::optional<Value> {
      if (!(o.*member)) return std::nullopt;
      Value v;
      v.number = *(o.*member);
      return v;
    };
    return add_bound(std::move(key), FieldType::kNumber, set, get);
  }
  /// A whole number; bound to an integral member, or to a double that holds a count.
  template <class Int = int>
  FieldBuilder integer(std::string key, Int Object::*member = nullptr) {
    static_assert(std::is_arithmetic_v<Int> && !std::is_same_v<Int, bool>);
    return add(std::move(key), FieldType::kInteger, member);
  }
  FieldBuilder boolean(std::string key, bool Object::*member = nullptr) {
    return add(std::move(key), FieldType::kBool, member);
  }
  /// A table of years to numbers (FieldType::kYearSeries; io/year_series.hpp), unbound: the case
  /// reads it with io::year_series_values. Give its span with .years(first, last).
  FieldBuilder year_series(std::string key) {
    return add_bound(std::move(key), FieldType::kYearSeries, nullptr, nullptr);
  }
  FieldBuilder text(std::string key, std::string Object::*member = nullptr) {
    return add(std::move(key), FieldType::kString, member);
  }
  /// One of `names`, bound to a string member or unbound.
  FieldBuilder choice(std::string key, std::vector<std::string> names,
                      std::string Object::*member = nullptr) {
    FieldBuilder b = add(std::move(key), FieldType::kChoice, member);
    storage_->fields->back().choices = std::move(names);
    return b;
  }
  /// One of the names of `options`, bound to an enum member.
  template <class E>
  FieldBuilder choice(std::string key, E Object::*member,
                      std::vector<std::pair<std::string, E>> options) {
    std::vector<std::string> names;
    for (const auto& option : options) names.push_back(option.first);
    auto set = [member, options](const Value* v, Object& o) {
      if (v == nullptr) return false;
      for (const auto& [name, e] : options) {
        if (name == v->text) {
          o.*member = e;
          return true;
        }
      }
      return false;
    };
    auto get = [member, options](const Object& o) -> std::optional<Value> {
      for (const auto& [name, e] : options) {
        if (e == o.*member) {
          Value v;
          v.text = name;
          return v;
        }
      }
      return std::nullopt;
    };
    FieldBuilder b = add_bound(std::move(key), FieldType::kChoice, set, get);
    storage_->fields->back().choices = std::move(names);
    return b;
  }

  /// Fields of a member struct (e.g. SimulationCase::dynamics).
  template <class Member>
  TablePart<Root, Member> part(Member Object::*member) const {
    Projection outer = project_;
    ConstProjection outer_const = project_const_;
    return TablePart<Root, Member>(
        storage_, [outer, member](Root& r) -> Member& { return outer(r).*member; },
        [outer_const, member](const Root& r) -> const Member& { return outer_const(r).*member; });
  }

 protected:
  template <class R>
  friend class SchemaTable;
  template <class R, class O>
  friend class TablePart;

  using Binding = FieldBinding<Root>;
  using Storage = TableStorage<Root>;

  TablePart(std::shared_ptr<Storage> storage, Projection project, ConstProjection project_const)
      : storage_(std::move(storage)),
        project_(std::move(project)),
        project_const_(std::move(project_const)) {}

  template <class M>
  FieldBuilder add(std::string key, FieldType type, M Object::*member) {
    if (member == nullptr) return add_bound(std::move(key), type, nullptr, nullptr);
    auto set = [member](const Value* v, Object& o) {
      if constexpr (std::is_same_v<M, std::string>) {
        o.*member = v ? v->text : std::string();
        return true;
      } else {
        if (v == nullptr) return false;
        if constexpr (std::is_same_v<M, bool>) {
          o.*member = v->number != 0.0;
        } else {
          o.*member = static_cast<M>(v->number);
        }
        return true;
      }
    };
    auto get = [member](const Object& o) -> std::optional<Value> {
      Value v;
      if constexpr (std::is_same_v<M, std::string>) {
        v.text = o.*member;
      } else {
        v.number = static_cast<double>(o.*member);
        if constexpr (std::is_same_v<M, bool>) v.text = (o.*member) ? "true" : "false";
      }
      return v;
    };
    return add_bound(std::move(key), type, set, get);
  }

  template <class Set, class Get>
  FieldBuilder add_bound(std::string key, FieldType type, Set set, Get get) {
    FieldSpec f;
    f.key = std::move(key);
    f.type = type;
    storage_->fields->push_back(std::move(f));
    Binding b;
    if constexpr (!std::is_null_pointer_v<Set>) {
      Projection project = project_;
      ConstProjection project_const = project_const_;
      b.set = [project, set](const Value* v, Root& r) { return set(v, project(r)); };
      b.get = [project_const, get](const Root& r) { return get(project_const(r)); };
    }
    storage_->bindings.push_back(std::move(b));
    return FieldBuilder(storage_->fields, storage_->fields->size() - 1);
  }

  std::shared_ptr<Storage> storage_;
  Projection project_;
  ConstProjection project_const_;
};

/// The table of one case type, bound to its struct `Root`.
template <class Root>
class SchemaTable : public TablePart<Root, Root> {
  using Base = TablePart<Root, Root>;

 public:
  explicit SchemaTable(std::string name)
      : Base(
            std::make_shared<typename Base::Storage>(), [](Root& r) -> Root& { return r; },
            [](const Root& r) -> const Root& { return r; }),
        name_(std::move(name)) {}

  /// Fields declared elsewhere (e.g. the cell fields a simulate case also takes), not bound here.
  void include(const Schema& other) {
    for (const auto& f : other.fields()) {
      this->storage_->fields->push_back(f);
      this->storage_->bindings.push_back({});
    }
  }

  /// The field catalogue; throws std::logic_error on a duplicate key.
  Schema schema() const { return Schema(name_, *this->storage_->fields); }

  /// Sets every bound member from `values` (defaults must already be filled). Returns the bound
  /// fields that have no value and whose member cannot be left empty (numbers, integers,
  /// booleans, choices without a default): the case reports them as required inputs.
  std::vector<const FieldSpec*> bind(const ValueSet& values, Root& target) const {
    std::vector<const FieldSpec*> missing;
    const auto& fields = *this->storage_->fields;
    for (std::size_t i = 0; i < fields.size(); ++i) {
      const auto& binding = this->storage_->bindings[i];
      if (!binding.set) continue;
      if (!binding.set(values.get(fields[i].key), target)) missing.push_back(&fields[i]);
    }
    return missing;
  }

  /// The value of a bound member in the stored unit (text for strings and choices), or nullopt
  /// for unbound fields and empty optionals.
  std::optional<Value> read(const Root& target, const std::string& key) const {
    const auto& fields = *this->storage_->fields;
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (fields[i].key != key) continue;
      const auto& binding = this->storage_->bindings[i];
      return binding.get ? binding.get(target) : std::nullopt;
    }
    throw std::out_of_range("schema " + name_ + ": no field " + key);
  }

  /// Whether `key` is bound to a member.
  bool is_bound(const std::string& key) const {
    const auto& fields = *this->storage_->fields;
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (fields[i].key == key) return static_cast<bool>(this->storage_->bindings[i].set);
    }
    return false;
  }

 private:
  std::string name_;
};

}  // namespace potline::io
