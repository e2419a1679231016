<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QObject</name>
    <message>
        <source>Acc@0.5 (%)</source>
        <translation>Acc@0.5（%）</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Free-form multi-image visual grounding.</source>
        <translation>自由形式的多图像视觉定位。</translation>
    </message>
    <message>
        <source>Render the main window to FILE.png and exit.</source>
        <translation>将主窗口渲染为 FILE.png 后退出。</translation>
    </message>
    <message>
        <source>Window size, e.g. 1280x800.</source>
        <translation>窗口大小，例如 1280x800。</translation>
    </message>
    <message>
        <source>User interface language (en, zh_CN, ko).</source>
        <translation>界面语言（en、zh_CN、ko）。</translation>
    </message>
    <message>
        <source>Open the bundled demo case.</source>
        <translation>打开内置的演示案例。</translation>
    </message>
    <message>
        <source>Open or create this project file.</source>
        <translation>打开或创建此项目文件。</translation>
    </message>
    <message>
        <source>Migician checkpoint folder (also MIGICIAN_MODEL_DIR).</source>
        <translation>Migician 模型权重文件夹（也可用 MIGICIAN_MODEL_DIR）。</translation>
    </message>
</context>
<context>
    <name>migician::annotate</name>
    <message>
        <source>%1 cases, %2 responses by %3 annotator(s), %4 skipped.</source>
        <translation>%1 个案例，%3 位标注者共 %2 条回答，跳过 %4 条。</translation>
    </message>
    <message>
        <source>Active time per case: mean %1 s, median %2 s.</source>
        <translation>每个案例的有效时间：平均 %1 秒，中位数 %2 秒。</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Acc@0.5 (%)</source>
        <translation>Acc@0.5（%）</translation>
    </message>
    <message>
        <source>95% interval</source>
        <translation>95% 区间</translation>
    </message>
    <message>
        <source>mean IoU</source>
        <translation>平均 IoU</translation>
    </message>
    <message>
        <source>average over tasks</source>
        <translation>各任务平均</translation>
    </message>
    <message>
        <source>all cases</source>
        <translation>全部案例</translation>
    </message>
    <message>
        <source>Image-aware Acc@0.5 (a box in the wrong image is a miss): %1%.</source>
        <translation>区分图像的 Acc@0.5（框在错误图像上记为未命中）：%1%。</translation>
    </message>
    <message>
        <source>Agreement between annotators: mean IoU %1, Acc@0.5 %2% over %3 comparisons.</source>
        <translation>标注者之间的一致性：平均 IoU %1，Acc@0.5 %2%，共 %3 次比较。</translation>
    </message>
    <message>
        <source>Agreement between annotators: needs two annotators on common cases.</source>
        <translation>标注者之间的一致性：需要两位标注者标注相同的案例。</translation>
    </message>
    <message>
        <source>Model runs on the same cases</source>
        <translation>模型在相同案例上的运行</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Humans</source>
        <translation>人类</translation>
    </message>
</context>
<context>
    <name>migician::ui::AnswerPanel</name>
    <message>
        <source>Choose Migician checkpoint folder...</source>
        <translation>选择 Migician 模型权重文件夹...</translation>
    </message>
    <message>
        <source>&lt;b&gt;Answer&lt;/b&gt;</source>
        <translation>&lt;b&gt;回答&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The answer appears here, token by token.</source>
        <translation>回答会在这里逐词显示。</translation>
    </message>
    <message numerus="yes">
        <source>Answered by %1 in %2 ms, %n box(es)</source>
        <translation>
            <numerusform>由 %1 回答，用时 %2 毫秒，%n 个框</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
</context>
<context>
    <name>migician::ui::BatchEvaluationWindow</name>
    <message>
        <source>Seeded random sample</source>
        <translation>固定种子的随机抽样</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Open in &amp;dashboard</source>
        <translation>在仪表板中打开(&amp;D)</translation>
    </message>
    <message>
        <source>Batch evaluation</source>
        <translation>批量评测</translation>
    </message>
    <message>
        <source>MIG-Bench JSON file</source>
        <translation>MIG-Bench JSON 文件</translation>
    </message>
    <message>
        <source>Folder the bench&apos;s image paths are relative to</source>
        <translation>基准中图像路径所相对的文件夹</translation>
    </message>
    <message>
        <source>all cases</source>
        <translation>全部案例</translation>
    </message>
    <message>
        <source>%v of %m cases</source>
        <translation>%v / %m 个案例</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>浏览...</translation>
    </message>
    <message>
        <source>Project:</source>
        <translation>项目：</translation>
    </message>
    <message>
        <source>Bench file:</source>
        <translation>基准文件：</translation>
    </message>
    <message>
        <source>Images root:</source>
        <translation>图像根目录：</translation>
    </message>
    <message>
        <source>Backend:</source>
        <translation>后端：</translation>
    </message>
    <message>
        <source>Tasks:</source>
        <translation>任务：</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Limit:</source>
        <translation>数量上限：</translation>
    </message>
    <message>
        <source>Results file:</source>
        <translation>结果文件：</translation>
    </message>
    <message>
        <source>%1 cases selected, %2 already in the project, %3 to run</source>
        <translation>已选 %1 个案例，项目中已有 %2 个，待运行 %3 个</translation>
    </message>
    <message>
        <source>Paused after %1 of %2 cases.</source>
        <translation>已在 %2 个案例中的第 %1 个之后暂停。</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Cancelled after %1 of %2 cases; start again to resume.</source>
        <translation>已在 %2 个案例中的第 %1 个之后取消；再次开始即可继续。</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Finished: %1 predictions in %2; results in %3</source>
        <translation>完成：用时 %2 得到 %1 个预测；结果位于 %3</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>No project open: open or create one first.</source>
        <translation>没有打开的项目：请先打开或创建一个。</translation>
    </message>
    <message>
        <source>Migician (%1, %2)</source>
        <translation>Migician（%1，%2）</translation>
    </message>
    <message>
        <source>Built-in assistant (OpenCV)</source>
        <translation>内置助手（OpenCV）</translation>
    </message>
    <message>
        <source>%1 (%2 cases)</source>
        <translation>%1（%2 个案例）</translation>
    </message>
    <message>
        <source>Open a project first: the predictions are stored in it.</source>
        <translation>请先打开一个项目：预测结果保存在项目中。</translation>
    </message>
    <message>
        <source>Choose a bench file, its images root and a results file.</source>
        <translation>请选择基准文件、其图像根目录和结果文件。</translation>
    </message>
    <message>
        <source>Choose at least one task.</source>
        <translation>请至少选择一个任务。</translation>
    </message>
    <message>
        <source>Starting %1 on %2</source>
        <translation>开始在 %2 上运行 %1</translation>
    </message>
    <message>
        <source>Preparing (loading the backend and the project)...</source>
        <translation>正在准备（加载后端和项目）...</translation>
    </message>
    <message>
        <source>Pausing after the current case...</source>
        <translation>将在当前案例完成后暂停...</translation>
    </message>
    <message>
        <source>Resuming.</source>
        <translation>继续运行。</translation>
    </message>
    <message>
        <source>Cancelling after the current case...</source>
        <translation>将在当前案例完成后取消...</translation>
    </message>
    <message>
        <source>Cancelled; start again to resume where it stopped.</source>
        <translation>已取消；再次开始即可从中断处继续。</translation>
    </message>
    <message>
        <source>ETA %1 (last case %2 s)</source>
        <translation>预计剩余 %1（上一个案例 %2 秒）</translation>
    </message>
    <message>
        <source>case %1 done in %2 s (%3/%4)</source>
        <translation>案例 %1 用时 %2 秒完成（%3/%4）</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source>MIG-Bench file</source>
        <translation>MIG-Bench 文件</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON 文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Images root</source>
        <translation>图像根目录</translation>
    </message>
    <message>
        <source>Results file</source>
        <translation>结果文件</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
</context>
<context>
    <name>migician::ui::BatchEvaluationWorker</name>
    <message>
        <source>%1: the images root is not a folder</source>
        <translation>%1：图像根目录不是文件夹</translation>
    </message>
    <message>
        <source>%1: no case of the chosen tasks</source>
        <translation>%1：没有所选任务的案例</translation>
    </message>
    <message>
        <source>There is no paused evaluation to resume.</source>
        <translation>没有可继续的已暂停评测。</translation>
    </message>
    <message>
        <source>%1: cannot write the results: %2</source>
        <translation>%1：无法写入结果：%2</translation>
    </message>
</context>
<context>
    <name>migician::ui::BoxCommands</name>
    <message>
        <source>Create box</source>
        <translation>新建框</translation>
    </message>
    <message>
        <source>Delete box</source>
        <translation>删除框</translation>
    </message>
    <message>
        <source>Move box to Image-%1</source>
        <translation>将框移到 Image-%1</translation>
    </message>
    <message>
        <source>Move box</source>
        <translation>移动框</translation>
    </message>
    <message>
        <source>Accept box</source>
        <translation>接受框</translation>
    </message>
    <message>
        <source>Reject box</source>
        <translation>拒绝框</translation>
    </message>
</context>
<context>
    <name>migician::ui::CaseScene</name>
    <message>
        <source>Image-%1</source>
        <translation>Image-%1</translation>
    </message>
    <message>
        <source>(image could not be read)</source>
        <translation>（无法读取图像）</translation>
    </message>
    <message>
        <source>ground truth</source>
        <translation>标准答案</translation>
    </message>
</context>
<context>
    <name>migician::ui::CaseSession</name>
    <message>
        <source>No project is open.</source>
        <translation>没有打开的项目。</translation>
    </message>
    <message>
        <source>No case is open.</source>
        <translation>没有打开的案例。</translation>
    </message>
</context>
<context>
    <name>migician::ui::DashboardWindow</name>
    <message>
        <source>Run %1: %2</source>
        <translation>运行 %1：%2</translation>
    </message>
    <message>
        <source>Evaluation dashboard</source>
        <translation>评测仪表板</translation>
    </message>
    <message>
        <source>Table 1 (Acc@0.5)</source>
        <translation>表 1（Acc@0.5）</translation>
    </message>
    <message>
        <source>IoU histogram</source>
        <translation>IoU 直方图</translation>
    </message>
    <message>
        <source>Accuracy vs IoU threshold</source>
        <translation>准确率与 IoU 阈值</translation>
    </message>
    <message>
        <source>Latency per case</source>
        <translation>每个案例的延迟</translation>
    </message>
    <message>
        <source>Humans vs model</source>
        <translation>人类与模型</translation>
    </message>
    <message>
        <source>Export plot...</source>
        <translation>导出图表...</translation>
    </message>
    <message>
        <source>Copy table as CSV</source>
        <translation>将表格复制为 CSV</translation>
    </message>
    <message>
        <source>Copy table as Markdown</source>
        <translation>将表格复制为 Markdown</translation>
    </message>
    <message>
        <source>AVE</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>IoU with the ground truth</source>
        <translation>与真实框的 IoU</translation>
    </message>
    <message>
        <source>cases (%)</source>
        <translation>案例（%）</translation>
    </message>
    <message>
        <source>IoU threshold</source>
        <translation>IoU 阈值</translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation>准确率（%）</translation>
    </message>
    <message>
        <source>case</source>
        <translation>案例</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>all cases, Acc@0.5 with 95% interval</source>
        <translation>全部案例，Acc@0.5 及 95% 区间</translation>
    </message>
    <message>
        <source>Acc@0.5 (%)</source>
        <translation>Acc@0.5（%）</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG image (*.png);;PDF document (*.pdf)</source>
        <translation>PNG 图像 (*.png);;PDF 文档 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>migician::ui::DemoProject</name>
    <message>
        <source>%1: cannot create the demo folder</source>
        <translation>%1：无法创建演示文件夹</translation>
    </message>
    <message>
        <source>%1: cannot copy the demo file to %2</source>
        <translation>%1：无法将演示文件复制到 %2</translation>
    </message>
</context>
<context>
    <name>migician::ui::ExportDialog</name>
    <message>
        <source>%1: unknown export format</source>
        <translation>%1：未知的导出格式</translation>
    </message>
    <message>
        <source>Export project</source>
        <translation>导出项目</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>浏览...</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>MIG-Bench JSON: one record per case with images, question and box.</source>
        <translation>MIG-Bench JSON：每个案例一条记录，包含图像、问题和框。</translation>
    </message>
    <message>
        <source>COCO detection JSON: images, categories and boxes in pixels.</source>
        <translation>COCO 检测 JSON：图像、类别和以像素计的框。</translation>
    </message>
    <message>
        <source>CSV: one row per case, normalised and pixel corners.</source>
        <translation>CSV：每个案例一行，包含归一化坐标和像素坐标。</translation>
    </message>
    <message>
        <source>ODVG JSON lines for grounding training (GroundingDINO style).</source>
        <translation>用于定位训练的 ODVG JSON Lines（GroundingDINO 格式）。</translation>
    </message>
    <message>
        <source>LLaMA-Factory ShareGPT JSON with Migician-format answers, for fine-tuning.</source>
        <translation>LLaMA-Factory ShareGPT JSON，回答为 Migician 格式，用于微调。</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation>没有打开的项目。</translation>
    </message>
    <message>
        <source>Exported %1 case(s) to %2 (%3 from annotations, %4 from ground truth; skipped: %5 without a box, %6 without image size).</source>
        <translation>已将 %1 个案例导出到 %2（%3 个来自标注，%4 个来自标准答案；跳过：%5 个无框，%6 个无图像尺寸）。</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
</context>
<context>
    <name>migician::ui::InferenceWorker</name>
    <message>
        <source>Out of memory while answering the query; try smaller images (max pixels in the settings) or another device.</source>
        <translation>回答查询时内存不足；请尝试更小的图像（设置中的最大像素）或其他设备。</translation>
    </message>
    <message>
        <source>Inference failed: %1</source>
        <translation>推理失败：%1</translation>
    </message>
    <message>
        <source>Inference failed with an unknown error.</source>
        <translation>推理因未知错误失败。</translation>
    </message>
    <message>
        <source>Matching</source>
        <translation>匹配中</translation>
    </message>
    <message>
        <source>Loading %1</source>
        <translation>正在加载 %1</translation>
    </message>
    <message>
        <source>Model loaded</source>
        <translation>模型已加载</translation>
    </message>
</context>
<context>
    <name>migician::ui::MainWindow</name>
    <message>
        <source>Migician Workbench</source>
        <translation>Migician 工作台</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open project...</source>
        <translation>打开项目(&amp;O)...</translation>
    </message>
    <message>
        <source>Open image &amp;folder...</source>
        <translation>打开图像文件夹(&amp;F)...</translation>
    </message>
    <message>
        <source>Open &amp;demo</source>
        <translation>打开演示(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Export...</source>
        <translation>导出(&amp;E)...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Settings...</source>
        <translation>设置(&amp;S)...</translation>
    </message>
    <message>
        <source>Canvas</source>
        <translation>画布</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>1:1</source>
        <translation>1:1</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>New box (W)</source>
        <translation>新建框 (W)</translation>
    </message>
    <message>
        <source>Crop (C)</source>
        <translation>裁剪 (C)</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Previous case</source>
        <translation>上一个案例</translation>
    </message>
    <message>
        <source>Next case</source>
        <translation>下一个案例</translation>
    </message>
    <message>
        <source>Run query</source>
        <translation>运行查询</translation>
    </message>
    <message>
        <source>Prompt sent to the model</source>
        <translation>发送给模型的提示词</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Migician projects (*.migician);;All files (*)</source>
        <translation>Migician 项目 (*.migician);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open image folder</source>
        <translation>打开图像文件夹</translation>
    </message>
    <message>
        <source>Open a project first.</source>
        <translation>请先打开一个项目。</translation>
    </message>
    <message>
        <source>Choose the Migician checkpoint folder</source>
        <translation>选择 Migician 模型权重文件夹</translation>
    </message>
    <message>
        <source>%1 is not a usable Migician checkpoint:
%2</source>
        <translation>%1 不是可用的 Migician 模型权重：
%2</translation>
    </message>
    <message>
        <source>Backend: built-in assistant (OpenCV) | no Migician checkpoint</source>
        <translation>后端：内置助手（OpenCV）| 未配置 Migician 模型</translation>
    </message>
    <message>
        <source>Backend: Migician | device %1 | %2 | model %3</source>
        <translation>后端：Migician | 设备 %1 | %2 | 模型 %3</translation>
    </message>
    <message>
        <source>No case open</source>
        <translation>未打开案例</translation>
    </message>
    <message numerus="yes">
        <source>Case %1 of %2 | %n image(s)</source>
        <translation>
            <numerusform>案例 %1 / %2 | %n 张图像</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot write the screenshot to %1</source>
        <translation>无法将截图写入 %1</translation>
    </message>
</context>
<context>
    <name>migician::ui::MoveBoxMenu</name>
    <message>
        <source>&amp;Move box to image</source>
        <translation>将框移到图像(&amp;M)</translation>
    </message>
    <message>
        <source>Previous image</source>
        <translation>上一幅图像</translation>
    </message>
    <message>
        <source>Next image</source>
        <translation>下一幅图像</translation>
    </message>
    <message>
        <source>Image-%1</source>
        <translation>Image-%1</translation>
    </message>
</context>
<context>
    <name>migician::ui::OpenCvAssistant</name>
    <message>
        <source>Built-in assistant (OpenCV)</source>
        <translation>内置助手（OpenCV）</translation>
    </message>
    <message>
        <source>This question needs the Migician model. The built-in assistant can only find a cropped visual reference in the other images, or the difference between two images. Choose a Migician checkpoint folder to answer free-form questions.</source>
        <translation>这个问题需要 Migician 模型。内置助手只能在其他图像中查找裁剪出的视觉参考，或找出两张图像之间的差异。请选择 Migician 模型权重文件夹以回答自由形式的问题。</translation>
    </message>
    <message>
        <source>The visual reference is empty or too small to search for.</source>
        <translation>视觉参考为空或太小，无法搜索。</translation>
    </message>
    <message>
        <source>No other image to search in.</source>
        <translation>没有其他可搜索的图像。</translation>
    </message>
    <message>
        <source>template matching, best score %1</source>
        <translation>模板匹配，最佳得分 %1</translation>
    </message>
    <message>
        <source>One of the two images is empty.</source>
        <translation>两张图像中有一张为空。</translation>
    </message>
    <message>
        <source>The two images look the same.</source>
        <translation>两张图像看起来相同。</translation>
    </message>
    <message>
        <source>No changed region found.</source>
        <translation>未找到变化区域。</translation>
    </message>
    <message>
        <source>The two images hardly overlap after alignment; no difference can be measured.</source>
        <translation>对齐后两幅图像几乎没有重叠，无法测量差异。</translation>
    </message>
    <message>
        <source>aligned by a homography from %1 ORB feature matches</source>
        <translation>由 %1 个 ORB 特征匹配估计的单应性变换对齐</translation>
    </message>
    <message>
        <source>aligned by ECC (affine), feature matching failed</source>
        <translation>特征匹配失败，已用 ECC（仿射）对齐</translation>
    </message>
    <message>
        <source>alignment failed, the second image was only resized</source>
        <translation>对齐失败，第二幅图像仅做了缩放</translation>
    </message>
    <message>
        <source>not aligned, the second image was only resized</source>
        <translation>未对齐，第二幅图像仅做了缩放</translation>
    </message>
    <message>
        <source>image difference, %1</source>
        <translation>图像差异，%1</translation>
    </message>
</context>
<context>
    <name>migician::ui::QueryPanel</name>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&lt;b&gt;Query&lt;/b&gt;</source>
        <translation>&lt;b&gt;查询&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Ask about the images, e.g. &quot;Where is the red cup in Image-2?&quot;</source>
        <translation>就图像提问，例如“Image-2 中的红色杯子在哪里？”</translation>
    </message>
    <message>
        <source>Mark phrase</source>
        <translation>标记短语</translation>
    </message>
    <message>
        <source>Wrap the selected words in &lt;|object_ref_start|&gt; ... &lt;|object_ref_end|&gt;</source>
        <translation>用 &lt;|object_ref_start|&gt; ... &lt;|object_ref_end|&gt; 包裹选中的文字</translation>
    </message>
    <message>
        <source>Crop reference</source>
        <translation>裁剪参考</translation>
    </message>
    <message>
        <source>Drag a rectangle on any image: the crop becomes an extra input image (C)</source>
        <translation>在任意图像上拖出矩形：裁剪结果成为额外的输入图像 (C)</translation>
    </message>
    <message>
        <source>Show prompt</source>
        <translation>显示提示词</translation>
    </message>
    <message>
        <source>No visual reference. Use the crop tool to add one.</source>
        <translation>没有视觉参考。使用裁剪工具添加。</translation>
    </message>
    <message>
        <source>Run the query (Ctrl+Return)</source>
        <translation>运行查询 (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Visual reference %1: refer to it as &quot;%1&quot; in the query. Click to remove.</source>
        <translation>视觉参考 %1：在查询中用“%1”指代它。点击移除。</translation>
    </message>
</context>
<context>
    <name>migician::ui::ResearchWindows</name>
    <message>
        <source>&amp;Research</source>
        <translation>研究(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Dashboard...</source>
        <translation>仪表板(&amp;D)...</translation>
    </message>
    <message>
        <source>&amp;Review queue...</source>
        <translation>审阅队列(&amp;R)...</translation>
    </message>
    <message>
        <source>&amp;Study mode...</source>
        <translation>研究模式(&amp;S)...</translation>
    </message>
    <message>
        <source>&amp;Batch evaluation...</source>
        <translation>批量评测(&amp;B)...</translation>
    </message>
    <message>
        <source>Open a project first: studies live in a project.</source>
        <translation>请先打开一个项目：研究保存在项目中。</translation>
    </message>
</context>
<context>
    <name>migician::ui::ReviewQueueWindow</name>
    <message>
        <source>&amp;Previous</source>
        <translation>上一个(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>下一个(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Correct the model&apos;s box</source>
        <translation>修正模型的框(&amp;C)</translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation>审阅队列</translation>
    </message>
    <message>
        <source>Model vs ground truth</source>
        <translation>模型与真实标注</translation>
    </message>
    <message>
        <source>Model vs human annotation</source>
        <translation>模型与人工标注</translation>
    </message>
    <message>
        <source>Compare:</source>
        <translation>比较：</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>任务：</translation>
    </message>
    <message>
        <source>Run:</source>
        <translation>运行：</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>IoU from:</source>
        <translation>IoU 范围：</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案例</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>IoU</source>
        <translation>IoU</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参照</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Previous case in the queue (P)</source>
        <translation>队列中的上一个案例（P）</translation>
    </message>
    <message>
        <source>Next case in the queue (N)</source>
        <translation>队列中的下一个案例（N）</translation>
    </message>
    <message>
        <source>Put the model&apos;s box on the canvas to move or resize it; the change is saved as a correction (E)</source>
        <translation>将模型的框放到画布上以移动或调整大小；更改会保存为修正（E）</translation>
    </message>
    <message>
        <source>All tasks</source>
        <translation>全部任务</translation>
    </message>
    <message>
        <source>Latest prediction of each case</source>
        <translation>每个案例的最新预测</translation>
    </message>
    <message>
        <source>Run %1: %2 (%3)</source>
        <translation>运行 %1：%2（%3）</translation>
    </message>
    <message>
        <source>Open a project to review its predictions.</source>
        <translation>打开一个项目以审阅其预测。</translation>
    </message>
    <message>
        <source>#%1 (case %2)</source>
        <translation>#%1（案例 %2）</translation>
    </message>
    <message>
        <source>case %1</source>
        <translation>案例 %1</translation>
    </message>
    <message>
        <source>no box</source>
        <translation>无框</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>已修正</translation>
    </message>
    <message>
        <source>to review</source>
        <translation>待审阅</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) to review</source>
        <translation>
            <numerusform>%n 个待审阅案例</numerusform>
        </translation>
    </message>
    <message>
        <source>The model gave no box for this case: draw one with the New box tool (W).</source>
        <translation>模型没有为此案例给出框：请用“新建框”工具（W）绘制一个。</translation>
    </message>
    <message>
        <source>Press N (or Next) to open the first case.</source>
        <translation>按 N（或“下一个”）打开第一个案例。</translation>
    </message>
    <message>
        <source>%1 of %2 | IoU %3 | %4
Model answer: %5</source>
        <translation>第 %1 / %2 个 | IoU %3 | %4
模型回答：%5</translation>
    </message>
</context>
<context>
    <name>migician::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>empty: built-in assistant only</source>
        <translation>留空：仅使用内置助手</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>浏览...</translation>
    </message>
    <message>
        <source>Migician checkpoint folder:</source>
        <translation>Migician 模型权重文件夹：</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation>精度：</translation>
    </message>
    <message>
        <source> x 28x28 px</source>
        <translation> × 28×28 像素</translation>
    </message>
    <message>
        <source>Min pixels per image:</source>
        <translation>每张图像最少像素：</translation>
    </message>
    <message>
        <source>Max pixels per image:</source>
        <translation>每张图像最多像素：</translation>
    </message>
    <message>
        <source>Max new tokens:</source>
        <translation>最大生成词元数：</translation>
    </message>
    <message>
        <source>Author name:</source>
        <translation>作者名：</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <source>Language (after restart):</source>
        <translation>语言（重启后生效）：</translation>
    </message>
    <message>
        <source>Choose the Migician checkpoint folder</source>
        <translation>选择 Migician 模型权重文件夹</translation>
    </message>
    <message>
        <source>No checkpoint: the built-in assistant (OpenCV) answers.</source>
        <translation>无模型权重：由内置助手（OpenCV）回答。</translation>
    </message>
    <message>
        <source>The folder looks like a usable checkpoint.</source>
        <translation>该文件夹看起来是可用的模型权重。</translation>
    </message>
    <message>
        <source>Not usable: %1</source>
        <translation>不可用：%1</translation>
    </message>
</context>
<context>
    <name>migician::ui::StudyCaseView</name>
    <message>
        <source>Image-%1</source>
        <translation>Image-%1</translation>
    </message>
</context>
<context>
    <name>migician::ui::StudyWindow</name>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Submit box</source>
        <translation>提交框</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Quit (resume later)</source>
        <translation>退出（稍后继续）</translation>
    </message>
    <message>
        <source>Study mode</source>
        <translation>研究模式</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>你的名字</translation>
    </message>
    <message>
        <source>Annotator:</source>
        <translation>标注者：</translation>
    </message>
    <message>
        <source>Study:</source>
        <translation>研究：</translation>
    </message>
    <message>
        <source>Drag a box on the image that holds the answer, then submit; or skip.</source>
        <translation>在包含答案的图像上拖出一个框，然后提交；或者跳过。</translation>
    </message>
    <message>
        <source>%1 (assisted)</source>
        <translation>%1（辅助）</translation>
    </message>
    <message>
        <source>%1 (blind)</source>
        <translation>%1（盲测）</translation>
    </message>
    <message>
        <source>This project has no study yet.</source>
        <translation>此项目还没有研究。</translation>
    </message>
    <message>
        <source>Enter your name first.</source>
        <translation>请先输入你的名字。</translation>
    </message>
    <message>
        <source>model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Case %1 of %2 - annotator %3 - study %4</source>
        <translation>第 %1 / %2 个案例 - 标注者 %3 - 研究 %4</translation>
    </message>
    <message>
        <source>Thank you, the study is done.</source>
        <translation>谢谢，研究已完成。</translation>
    </message>
</context>
<context>
    <name>migician::ui::WorkbenchController</name>
    <message numerus="yes">
        <source>Case %1 (%n image(s))</source>
        <translation>
            <numerusform>案例 %1（%n 张图像）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: not a folder</source>
        <translation>%1：不是文件夹</translation>
    </message>
    <message>
        <source>No case %1 in this project.</source>
        <translation>此项目中没有案例 %1。</translation>
    </message>
    <message>
        <source>Image-%1</source>
        <translation>Image-%1</translation>
    </message>
    <message>
        <source>Open a case first.</source>
        <translation>请先打开一个案例。</translation>
    </message>
    <message>
        <source>Type a query or crop a visual reference first.</source>
        <translation>请先输入查询或裁剪一个视觉参考。</translation>
    </message>
    <message>
        <source>A query is still running.</source>
        <translation>仍有查询在运行。</translation>
    </message>
    <message>
        <source>Case %1 is not in the open project.</source>
        <translation>案例 %1 不在打开的项目中。</translation>
    </message>
</context>
</TS>
