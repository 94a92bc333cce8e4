// Checkpoint files via LibTorch's serialize archives, with the loop state as a JSON string.
#include "train/checkpoint.hpp"

#include <mutex>

#include <nlohmann/json.hpp>

#include "common/errors.hpp"
#include "train/error_text.hpp"

namespace wb {

namespace {

// Where a checkpoint's tensors must land: the model's device. Without it they come back on the
// device they were saved from (rank 0's cuda:0), and Module::load moves every parameter of rank
// 1, 2, ... there (set_data) instead of copying into it; a GPU checkpoint would not load on a
// CPU-only machine either.
torch::Device model_device(Gpt& model) {
  const auto parameters = model->parameters();
  return parameters.empty() ? torch::Device(torch::kCPU) : parameters.front().device();
}

// The state of a device's default generator (a CPU byte tensor; no CUDA headers needed): the
// CPU's draws init and CPU dropout, a GPU's its dropout.
torch::Tensor rng_state(torch::Device device) {
  auto generator = at::globalContext().defaultGenerator(device);
  std::lock_guard<std::mutex> lock(generator.mutex());
  return generator.get_state();
}
void set_rng_state(torch::Device device, const torch::Tensor& state) {
  auto generator = at::globalContext().defaultGenerator(device);
  std::lock_guard<std::mutex> lock(generator.mutex());
  generator.set_state(state.cpu());
}

}  // namespace

void save_checkpoint(const std::filesystem::path& file, Gpt& model, torch::optim::Optimizer& optimizer,
                     const LoopState& s) {
  torch::serialize::OutputArchive archive;
  torch::serialize::OutputArchive model_archive, optimizer_archive;
  model->save(model_archive);
  optimizer.save(optimizer_archive);
  archive.write("model", model_archive);
  archive.write("optimizer", optimizer_archive);
  archive.write("rng_cpu", rng_state(torch::kCPU));
  // On a GPU, dropout (and the fused attention's dropout) draws from the device's generator:
  // without its state a resumed run would repeat the masks of the run's first steps.
  if (const auto device = model_device(model); device.is_cuda()) archive.write("rng_cuda", rng_state(device));
  nlohmann::json state = {{"format", "workbench.checkpoint/1"},
                          {"step", s.step},
                          {"micro_batches", s.micro_batches},
                          {"interval_loss_sum", s.interval_loss_sum},
                          {"interval_steps", s.interval_steps},
                          {"val_history", s.val_history},
                          {"eval_steps", s.eval_steps},
                          {"train_history", s.train_history},
                          {"best_val_loss", s.best_val_loss},
                          {"initial_losses", s.initial_losses},
                          {"onset_reported", s.onset_reported},
                          {"wall_s", s.wall_s},
                          {"fingerprint", s.fingerprint}};
  archive.write("state", c10::IValue(state.dump()));
  std::filesystem::create_directories(file.parent_path());
  auto tmp = file;
  tmp += ".tmp";
  archive.save_to(tmp.string());
  std::filesystem::rename(tmp, file);
}

LoopState load_checkpoint(const std::filesystem::path& file, Gpt& model, torch::optim::Optimizer& optimizer) {
  torch::serialize::InputArchive archive, model_archive, optimizer_archive;
  LoopState s;
  try {
    const auto device = model_device(model);
    archive.load_from(file.string(), device);
    archive.read("model", model_archive);
    archive.read("optimizer", optimizer_archive);
    model->load(model_archive);
    optimizer.load(optimizer_archive);
    torch::Tensor rng;
    archive.read("rng_cpu", rng);
    set_rng_state(torch::kCPU, rng);  // loaded onto the model's device with the rest
    // Written by a run on a GPU; one resumed on the CPU (or written on it) starts the device's
    // generator from the seed.
    if (torch::Tensor device_rng; device.is_cuda() && archive.try_read("rng_cuda", device_rng))
      set_rng_state(device, device_rng);
    c10::IValue state_value;
    archive.read("state", state_value);
    auto state = nlohmann::json::parse(state_value.toStringRef());
    s.step = state.at("step");
    s.micro_batches = state.at("micro_batches");
    s.interval_loss_sum = state.at("interval_loss_sum");
    s.interval_steps = state.at("interval_steps");
    s.val_history = state.at("val_history").get<std::vector<double>>();
    s.eval_steps = state.at("eval_steps").get<std::vector<std::int64_t>>();
    s.train_history = state.value("train_history", std::vector<double>{});
    s.best_val_loss = state.value("best_val_loss", 0.0);
    s.initial_losses = state.value("initial_losses", std::vector<double>{});
    s.onset_reported = state.at("onset_reported");
    s.wall_s = state.at("wall_s");
    s.fingerprint = state.value("fingerprint", "");
  } catch (const std::exception& e) {
    throw DataError("checkpoint " + file.string() + " cannot be loaded: " + error_text(e),
                    "if it is damaged (a full disk, a copy cut short), delete it to train the run again from step 0; "
                    "if it was written for another spec, resume with that one");
  }
  return s;
}

namespace {

// LibTorch's Module::load replaces each parameter with the stored tensor whatever its shape, so a
// checkpoint of another model would load "successfully" and fail later deep in a forward pass.
std::string shape_mismatch(const std::vector<std::pair<std::string, std::vector<std::int64_t>>>& before, Gpt& model) {
  std::size_t i = 0;
  for (const auto& item : model->named_parameters(true)) {
    if (i >= before.size() || before[i].first != item.key()) return item.key() + " is not in this model";
    const auto sizes = item.value().sizes().vec();
    if (sizes != before[i].second)
      return item.key() + " has shape " + c10::str(item.value().sizes()) + " in the checkpoint, " +
             c10::str(c10::IntArrayRef(before[i].second)) + " in this model";
    ++i;
  }
  return {};
}

}  // namespace

void load_initial_weights(const std::filesystem::path& file, Gpt& model, torch::optim::Optimizer* optimizer) {
  if (!std::filesystem::exists(file))
    throw DataError("init_from: checkpoint " + file.string() + " does not exist",
                    "finish (or interrupt) the run it belongs to first: its last.pt is written at the end");
  std::vector<std::pair<std::string, std::vector<std::int64_t>>> shapes;
  for (const auto& item : model->named_parameters(true)) shapes.emplace_back(item.key(), item.value().sizes().vec());
  torch::serialize::InputArchive archive, model_archive, optimizer_archive;
  try {
    archive.load_from(file.string(), model_device(model));
    archive.read("model", model_archive);
    model->load(model_archive);
    if (auto problem = shape_mismatch(shapes, model); !problem.empty()) throw std::runtime_error(problem);
    if (optimizer) {
      archive.read("optimizer", optimizer_archive);
      optimizer->load(optimizer_archive);
    }
  } catch (const std::exception& e) {
    throw DataError("init_from: checkpoint " + file.string() + " does not fit this model: " + error_text(e),
                    "continue with the same model (size, arch, block_size) and the same tokenizer "
                    "vocabulary; for another corpus give both stages data.tokenizer.corpora with every corpus");
  }
}

}  // namespace wb
