<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QObject</name>
    <message>
        <source>Acc@0.5 (%)</source>
        <translation>Acc@0.5（%）</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
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
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Acc@0.5 (%)</source>
        <translation>Acc@0.5（%）</translation>
    </message>
    <message>
        <source>mean IoU</source>
        <translation>平均 IoU</translation>
    </message>
    <message>
        <source>Agreement between annotators: needs two annotators on common cases.</source>
        <translation>标注者之间的一致性：需要两位标注者标注相同的案例。</translation>
    </message>
    <message>
        <source>The project has no cases to sample.</source>
        <translation>项目中没有可抽样的案例。</translation>
    </message>
    <message>
        <source>Give the number of cases per task (at least 1).</source>
        <translation>请给出每个任务的案例数（至少 1）。</translation>
    </message>
    <message>
        <source>Task &apos;%1&apos; has no case in this project.</source>
        <translation>任务“%1”在此项目中没有案例。</translation>
    </message>
    <message>
        <source>Task &apos;%1&apos; has no case with ground truth: nothing to score the answers against.</source>
        <translation>任务“%1”没有带标准答案的案例：无法为回答评分。</translation>
    </message>
    <message>
        <source>Task &apos;%1&apos; has only %2 case(s) with ground truth, fewer than the %3 asked for.</source>
        <translation>任务“%1”只有 %2 个带标准答案的案例，少于要求的 %3 个。</translation>
    </message>
    <message>
        <source>Task &apos;%1&apos;: %2 case(s) without ground truth are left out.</source>
        <translation>任务“%1”：已排除 %2 个没有标准答案的案例。</translation>
    </message>
    <message>
        <source>Fraction %1 of task &apos;%2&apos; is not in 0..1.</source>
        <translation>任务“%2”的比例 %1 不在 0..1 范围内。</translation>
    </message>
    <message>
        <source>Annotator &apos;%1&apos; is listed twice.</source>
        <translation>标注者“%1”被列出了两次。</translation>
    </message>
    <message>
        <source>The overlap (annotators per case) must be between 1 and the number of annotators (%1), not %2.</source>
        <translation>重叠数（每个案例的标注者人数）必须介于 1 与标注者人数（%1）之间，而不能是 %2。</translation>
    </message>
    <message>
        <source>An assisted study shows the boxes of an evaluation run: choose one.</source>
        <translation>辅助研究会显示某次评测运行的框：请选择一个运行。</translation>
    </message>
    <message>
        <source>The project has no run #%1.</source>
        <translation>项目中没有运行 #%1。</translation>
    </message>
    <message>
        <source>Run #%1 has no prediction for %2 of the sampled cases: they are shown without a suggestion.</source>
        <translation>运行 #%1 对抽样案例中的 %2 个没有预测：这些案例将不带建议显示。</translation>
    </message>
    <message>
        <source>A study needs a name.</source>
        <translation>研究需要一个名称。</translation>
    </message>
    <message>
        <source>The project already has a study named &apos;%1&apos;.</source>
        <translation>项目中已有名为“%1”的研究。</translation>
    </message>
    <message>
        <source>Spontaneous grounding: %1.</source>
        <translation>自发式定位：%1。</translation>
    </message>
    <message>
        <source>Referential grounding: %1.</source>
        <translation>指代式定位：%1。</translation>
    </message>
    <message>
        <source>Other tasks: %1.</source>
        <translation>其他任务：%1。</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Acc@0.5 (%), MIG-Bench Table 1 layout. </source>
        <translation>Acc@0.5（%），MIG-Bench 表 1 格式。</translation>
    </message>
    <message>
        <source>AVE</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>95% Wilson intervals of Acc@0.5 (%), and n</source>
        <translation>Acc@0.5（%）的 95% Wilson 区间及 n</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>全部案例</translation>
    </message>
    <message>
        <source>Per row, over all its cases (a skipped case counts as a miss)</source>
        <translation>按行统计，涵盖该行的全部案例（跳过的案例计为未命中）</translation>
    </message>
    <message>
        <source>assigned</source>
        <translation>已分配</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>skip rate (%)</source>
        <translation>跳过率（%）</translation>
    </message>
    <message>
        <source>median s/case</source>
        <translation>每案例用时中位数（秒）</translation>
    </message>
    <message>
        <source>Acc@0.3</source>
        <translation>Acc@0.3</translation>
    </message>
    <message>
        <source>Acc@0.5</source>
        <translation>Acc@0.5</translation>
    </message>
    <message>
        <source>Acc@0.7</source>
        <translation>Acc@0.7</translation>
    </message>
    <message>
        <source>Per task</source>
        <translation>按任务</translation>
    </message>
    <message>
        <source>Acc@0.5 [95%]</source>
        <translation>Acc@0.5 [95%]</translation>
    </message>
    <message>
        <source>Agreement between annotators on the cases both answered</source>
        <translation>标注者在双方都作答的案例上的一致性</translation>
    </message>
    <message>
        <source>Annotators</source>
        <translation>标注者</translation>
    </message>
    <message>
        <source>common cases</source>
        <translation>共同案例</translation>
    </message>
    <message>
        <source>Study &quot;%1&quot;: %2, %3 cases</source>
        <translation>研究“%1”：%2，%3 个案例</translation>
    </message>
    <message>
        <source> (%1 per task)</source>
        <translation>（每个任务 %1 个）</translation>
    </message>
    <message>
        <source>, seed %1</source>
        <translation>，种子 %1</translation>
    </message>
    <message>
        <source>, suggestions of run #%1</source>
        <translation>，建议来自运行 #%1</translation>
    </message>
    <message>
        <source>, annotators %1 with %2 per case</source>
        <translation>，标注者 %1，每个案例 %2 人</translation>
    </message>
    <message>
        <source>Human (all annotators)</source>
        <translation>人类（全部标注者）</translation>
    </message>
    <message>
        <source>Run #%1 (%2)</source>
        <translation>运行 #%1（%2）</translation>
    </message>
    <message>
        <source>%1 responses, %2 skipped (skip rate %3%); median active time per case %4 s.</source>
        <translation>%1 份作答，%2 个跳过（跳过率 %3%）；每个案例的有效用时中位数为 %4 秒。</translation>
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
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>GPU (CUDA)</source>
        <translation>GPU（CUDA）</translation>
    </message>
    <message>
        <source>Automatic (the checkpoint&apos;s dtype)</source>
        <translation>自动（模型权重的 dtype）</translation>
    </message>
    <message>
        <source>Official MIG-Bench protocol: every image, then the question with the format suffix; the checkpoint&apos;s generation settings; at most 128 new tokens; images at their native size (within the qwen-vl-utils limits).</source>
        <translation>官方 MIG-Bench 协议：先给出所有图像，再给出带格式后缀的问题；使用模型权重自带的生成设置；最多 128 个新词元；图像保持原始尺寸（在 qwen-vl-utils 的限制范围内）。</translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation>精度：</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <source>http://gpu1:8000 http://gpu2:8000</source>
        <translation>http://gpu1:8000 http://gpu2:8000</translation>
    </message>
    <message>
        <source>Servers of the same model, separated by spaces; a case that fails on one is tried on another.</source>
        <translation>提供同一模型的多个服务器，以空格分隔；在一个服务器上失败的案例会改在另一个上尝试。</translation>
    </message>
    <message>
        <source>Requests in flight per endpoint:</source>
        <translation>每个端点的并发请求数：</translation>
    </message>
    <message>
        <source>Endpoints:</source>
        <translation>端点：</translation>
    </message>
    <message>
        <source>Protocol:</source>
        <translation>协议：</translation>
    </message>
    <message>
        <source>Backend ready (%1).</source>
        <translation>后端已就绪（%1）。</translation>
    </message>
    <message>
        <source>case %1 failed (not scored; retried when the run is started again): %2</source>
        <translation>案例 %1 失败（不计分；再次开始运行时会重试）：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) failed and are not scored; start the run again to retry them.</source>
        <translation>
            <numerusform>%n 个案例失败，未计分；再次开始运行即可重试。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Finished, %n case(s) failed</source>
        <translation>
            <numerusform>已完成，%n 个案例失败</numerusform>
        </translation>
    </message>
    <message>
        <source>Migician (%1)</source>
        <translation>Migician（%1）</translation>
    </message>
    <message>
        <source>Remote endpoints</source>
        <translation>远程端点</translation>
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
    <message>
        <source>Endpoint left out: %1</source>
        <translation>已略过端点：%1</translation>
    </message>
    <message>
        <source>official MIG-Bench protocol</source>
        <translation>官方 MIG-Bench 协议</translation>
    </message>
    <message>
        <source>deviating from the official protocol: %1</source>
        <translation>偏离官方协议：%1</translation>
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
    <name>migician::ui::CaseCanvas</name>
    <message>
        <source>Move Image-%1 left</source>
        <translation>将 Image-%1 左移</translation>
    </message>
    <message>
        <source>Move Image-%1 right</source>
        <translation>将 Image-%1 右移</translation>
    </message>
    <message>
        <source>Remove Image-%1 from the case</source>
        <translation>从案例中移除 Image-%1</translation>
    </message>
</context>
<context>
    <name>migician::ui::CaseComposition</name>
    <message>
        <source>Open a project or an image folder first.</source>
        <translation>请先打开一个项目或图像文件夹。</translation>
    </message>
    <message>
        <source>No image files to make a case of.</source>
        <translation>没有可用于创建案例的图像文件。</translation>
    </message>
    <message>
        <source>Select the images (or cases) to make a case of first.</source>
        <translation>请先选择要组成案例的图像（或案例）。</translation>
    </message>
    <message>
        <source>No image files to add.</source>
        <translation>没有可添加的图像文件。</translation>
    </message>
    <message>
        <source>The clipboard holds no image.</source>
        <translation>剪贴板中没有图像。</translation>
    </message>
    <message>
        <source>%1: cannot create the project&apos;s media folder</source>
        <translation>%1：无法创建项目的媒体文件夹</translation>
    </message>
    <message>
        <source>%1: cannot write the pasted image</source>
        <translation>%1：无法写入粘贴的图像</translation>
    </message>
    <message>
        <source>No image %1 to move to %2.</source>
        <translation>没有可移到 %2 的图像 %1。</translation>
    </message>
    <message>
        <source>No Image-%1 to remove.</source>
        <translation>没有可移除的 Image-%1。</translation>
    </message>
    <message>
        <source>A case keeps at least one image.</source>
        <translation>案例至少要保留一张图像。</translation>
    </message>
    <message>
        <source>Still reading the images of the last new case.</source>
        <translation>仍在读取上一个新案例的图像。</translation>
    </message>
    <message>
        <source>%1 was closed before the new case&apos;s images were read; the case was not made.</source>
        <translation>%1 在新案例的图像读取完成前已关闭；未创建该案例。</translation>
    </message>
</context>
<context>
    <name>migician::ui::CaseImageCommands</name>
    <message>
        <source>Add image</source>
        <translation>添加图像</translation>
    </message>
    <message>
        <source>Add %1 images</source>
        <translation>添加 %1 张图像</translation>
    </message>
    <message>
        <source>Remove Image-%1</source>
        <translation>移除 Image-%1</translation>
    </message>
    <message>
        <source>Move Image-%1 to %2</source>
        <translation>将 Image-%1 移到 %2</translation>
    </message>
</context>
<context>
    <name>migician::ui::CaseListView</name>
    <message>
        <source>Ctrl/Shift+click or drag a rectangle to select several, then Ctrl+N makes one case of them; drop image files or folders here to make a case of them</source>
        <translation>按住 Ctrl/Shift 单击或拖出矩形可多选，然后按 Ctrl+N 将它们合为一个案例；将图像文件或文件夹拖放到此处即可用它们创建案例</translation>
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
    <message>
        <source>Drag onto another image to move Image-%1 there</source>
        <translation>拖到另一张图像上即可将 Image-%1 移到那里</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>运行 %1</translation>
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
    <message>
        <source>Already in the case, not added again: %1</source>
        <translation>已在案例中，未重复添加：%1</translation>
    </message>
</context>
<context>
    <name>migician::ui::CompositionActions</name>
    <message>
        <source>&amp;New case from selection</source>
        <translation>从所选项新建案例(&amp;N)</translation>
    </message>
    <message>
        <source>New case from selection (file order)</source>
        <translation>从所选项新建案例（按文件顺序）</translation>
    </message>
    <message>
        <source>&amp;Paste image</source>
        <translation>粘贴图像(&amp;P)</translation>
    </message>
    <message>
        <source>Move image &amp;left</source>
        <translation>左移图像(&amp;L)</translation>
    </message>
    <message>
        <source>Move image &amp;right</source>
        <translation>右移图像(&amp;R)</translation>
    </message>
    <message>
        <source>Remove image from case</source>
        <translation>从案例中移除图像</translation>
    </message>
    <message>
        <source>One case of the selected images, in the order they were selected</source>
        <translation>将所选图像按选择顺序合为一个案例</translation>
    </message>
    <message>
        <source>The query names images that moved: %1.</source>
        <translation>查询中提到的图像已被移动：%1。</translation>
    </message>
    <message numerus="yes">
        <source>%n visual reference(s) of that run were cut from images no longer in the case.</source>
        <translation>
            <numerusform>该运行中有 %n 个视觉参考裁剪自已不在案例中的图像。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reading %n image(s) for the new case...</source>
        <translation>
            <numerusform>正在为新案例读取 %n 张图像...</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>新建案例</translation>
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
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
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
    <name>migician::ui::GroundingBackend</name>
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
    <name>migician::ui::HistoryPanel</name>
    <message>
        <source>Re-run</source>
        <translation>重新运行</translation>
    </message>
    <message>
        <source>Copy to query</source>
        <translation>复制到查询</translation>
    </message>
    <message>
        <source>&lt;b&gt;History&lt;/b&gt;</source>
        <translation>&lt;b&gt;历史&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Select a run to see its answer and show its boxes again.</source>
        <translation>选择一个运行以查看其回答并再次显示其框。</translation>
    </message>
    <message>
        <source>Run the selected entry&apos;s query and references again</source>
        <translation>再次运行所选条目的查询和参考</translation>
    </message>
    <message>
        <source>Put the selected entry&apos;s query and references into the query box</source>
        <translation>将所选条目的查询和参考放入查询框</translation>
    </message>
    <message>
        <source>Run %1 by %2, %3 (%4)</source>
        <translation>运行 %1，作者 %2，%3（%4）</translation>
    </message>
    <message>
        <source>Backend: %1 %2</source>
        <translation>后端：%1 %2</translation>
    </message>
    <message>
        <source>Settings: %1</source>
        <translation>设置：%1</translation>
    </message>
    <message>
        <source>total %1 ms</source>
        <translation>总计 %1 毫秒</translation>
    </message>
    <message>
        <source>first text %1 ms</source>
        <translation>首段文本 %1 毫秒</translation>
    </message>
    <message>
        <source>backend %1 ms</source>
        <translation>后端 %1 毫秒</translation>
    </message>
    <message>
        <source>Timings: %1</source>
        <translation>耗时：%1</translation>
    </message>
    <message>
        <source>Reference: crop of Image-%1 (%2, %3)-(%4, %5)</source>
        <translation>参考：Image-%1 的裁剪区域 (%2, %3)-(%4, %5)</translation>
    </message>
    <message>
        <source>Reference: crop of an image no longer in the case</source>
        <translation>参考：裁剪自已不在案例中的图像</translation>
    </message>
    <message>
        <source>Query: %1</source>
        <translation>查询：%1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Answer: %1</source>
        <translation>回答：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n 次运行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 | %n box(es) of earlier runs hidden</source>
        <translation>
            <numerusform>%1 | 已隐藏早先运行的 %n 个框</numerusform>
        </translation>
    </message>
    <message>
        <source>The canvas shows the latest answer only; select an earlier run to see its boxes</source>
        <translation>画布只显示最新的回答；选择早先的运行可查看其框</translation>
    </message>
</context>
<context>
    <name>migician::ui::ImageNames</name>
    <message>
        <source>Image-%1 is now Image-%2</source>
        <translation>Image-%1 现在是 Image-%2</translation>
    </message>
    <message>
        <source>Image-%1 is no longer in the case</source>
        <translation>Image-%1 已不在案例中</translation>
    </message>
</context>
<context>
    <name>migician::ui::ImageWarningBar</name>
    <message>
        <source>Use the files as they are</source>
        <translation>按文件现状使用</translation>
    </message>
    <message>
        <source>Record the changed files&apos; current content as the project&apos;s images</source>
        <translation>将已更改文件的当前内容记录为项目的图像</translation>
    </message>
    <message>
        <source>Image-%1 (%2) is missing: the file was moved, renamed or deleted.</source>
        <translation>Image-%1（%2）缺失：文件已被移动、重命名或删除。</translation>
    </message>
    <message>
        <source>Image-%1 (%2) changed on disk since it was added to the project (its content differs): boxes may no longer fit.</source>
        <translation>Image-%1（%2）在添加到项目后已在磁盘上被更改（内容不同）：框可能不再吻合。</translation>
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
        <source>The remote endpoint did not answer: %1</source>
        <translation>远程端点没有响应：%1</translation>
    </message>
    <message>
        <source>server busy (%1); try %2 in %3 s</source>
        <translation>服务器繁忙（%1）；%3 秒后进行第 %2 次尝试</translation>
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
    <message>
        <source>New pro&amp;ject...</source>
        <translation>新建项目(&amp;J)...</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>Migician projects (*.migician)</source>
        <translation>Migician 项目 (*.migician)</translation>
    </message>
    <message>
        <source>Backend: built-in assistant (OpenCV)</source>
        <translation>后端：内置助手（OpenCV）</translation>
    </message>
    <message>
        <source>Backend: remote endpoint %1 | model %2</source>
        <translation>后端：远程端点 %1 | 模型 %2</translation>
    </message>
    <message>
        <source>(the server&apos;s first)</source>
        <translation>（服务器列出的第一个）</translation>
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
    <name>migician::ui::NewStudyDialog</name>
    <message>
        <source>Blind: no model boxes</source>
        <translation>盲测：不显示模型的框</translation>
    </message>
    <message>
        <source>Assisted: the boxes of a run as suggestions</source>
        <translation>辅助：将某次运行的框作为建议</translation>
    </message>
    <message>
        <source>New study</source>
        <translation>新建研究</translation>
    </message>
    <message>
        <source>e.g. human baseline, spring</source>
        <translation>例如：人类基线，春季</translation>
    </message>
    <message>
        <source>The same seed draws the same cases and the same order.</source>
        <translation>相同的种子会抽取相同的案例，顺序也相同。</translation>
    </message>
    <message>
        <source>names separated by commas; empty = anyone who starts</source>
        <translation>以逗号分隔的名字；留空 = 任何开始作答的人</translation>
    </message>
    <message>
        <source>How many annotators see each case; 2 or more measures agreement.</source>
        <translation>每个案例由几位标注者查看；2 位或以上时可测量一致性。</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Cases per task:</source>
        <translation>每个任务的案例数：</translation>
    </message>
    <message>
        <source>Tasks:</source>
        <translation>任务：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>种子：</translation>
    </message>
    <message>
        <source>Condition:</source>
        <translation>条件：</translation>
    </message>
    <message>
        <source>Annotators:</source>
        <translation>标注者：</translation>
    </message>
    <message>
        <source>Annotators per case:</source>
        <translation>每个案例的标注者数：</translation>
    </message>
    <message>
        <source>Create study</source>
        <translation>创建研究</translation>
    </message>
    <message>
        <source>%1 (%2): %3 cases with ground truth</source>
        <translation>%1（%2）：%3 个带标准答案的案例</translation>
    </message>
    <message>
        <source>#%1 %2, %3</source>
        <translation>#%1 %2，%3</translation>
    </message>
    <message>
        <source>(no run with predictions in this project)</source>
        <translation>（此项目中没有带预测的运行）</translation>
    </message>
    <message>
        <source>Tick at least one task.</source>
        <translation>请至少勾选一个任务。</translation>
    </message>
    <message>
        <source>%1 cases: %2 per task over %3 task(s).</source>
        <translation>%1 个案例：共 %3 个任务，每个任务 %2 个。</translation>
    </message>
    <message>
        <source>, about %1</source>
        <translation>，约 %1</translation>
    </message>
    <message>
        <source>Open study: every annotator who starts gets all %1 cases%2.</source>
        <translation>开放研究：每位开始作答的标注者都会获得全部 %1 个案例%2。</translation>
    </message>
    <message>
        <source>%1: %2 cases%3</source>
        <translation>%1：%2 个案例%3</translation>
    </message>
    <message>
        <source>Cases per annotator (each case seen by %1): %2.</source>
        <translation>每位标注者的案例数（每个案例由 %1 人查看）：%2。</translation>
    </message>
    <message>
        <source>Time estimated from the pilot timings: median %1 s per case over %2 earlier responses in this project.</source>
        <translation>时间根据预实验计时估算：此项目中先前 %2 份作答的中位数为每个案例 %1 秒。</translation>
    </message>
    <message>
        <source>No pilot timings yet: run a small pilot study first for a time estimate.</source>
        <translation>尚无预实验计时：请先进行一次小规模预实验以估算时间。</translation>
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
    <name>migician::ui::OpenFolderDialog</name>
    <message>
        <source>Open image folder</source>
        <translation>打开图像文件夹</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>浏览...</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>One case per image (compose cases from them later)</source>
        <translation>每张图像一个案例（稍后再用它们组合案例）</translation>
    </message>
    <message>
        <source>One case per subfolder</source>
        <translation>每个子文件夹一个案例</translation>
    </message>
    <message>
        <source>One case of all images</source>
        <translation>全部图像组成一个案例</translation>
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
    <message>
        <source>Update the query</source>
        <translation>更新查询</translation>
    </message>
    <message>
        <source>Rename the query&apos;s Image-k names to the images&apos; new numbers</source>
        <translation>将查询中的 Image-k 名称改为图像的新编号</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>Measure speed</source>
        <translation>测量速度</translation>
    </message>
    <message>
        <source>Run a short calibration query with the model, so estimates use this machine&apos;s measured speed</source>
        <translation>用模型运行一个简短的校准查询，使估算采用本机实测的速度</translation>
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
    <message>
        <source>&amp;New study...</source>
        <translation>新建研究(&amp;N)...</translation>
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
    <name>migician::ui::RunConfirmDialog</name>
    <message>
        <source>This run may not fit in memory</source>
        <translation>此次运行可能超出内存容量</translation>
    </message>
    <message>
        <source>This run may take long</source>
        <translation>此次运行可能耗时较长</translation>
    </message>
    <message>
        <source>It needs about %1 more memory, and %2 is free.</source>
        <translation>还需要约 %1 内存，而可用内存只有 %2。</translation>
    </message>
    <message>
        <source>It is estimated to take %1, more than the %2 you allow without asking.</source>
        <translation>预计耗时 %1，超过了你设定的无需询问的上限 %2。</translation>
    </message>
    <message>
        <source>No run has been measured on this machine yet: the time is a rough estimate from the token counts (Measure speed makes it exact).</source>
        <translation>本机尚未测量过任何运行：时间是根据词元数的粗略估算（“测量速度”可使其准确）。</translation>
    </message>
    <message>
        <source>Use max %1 x 28x28 px per image (%2 tokens, ~%3)</source>
        <translation>每张图像最多使用 %1 × 28×28 像素（%2 个词元，约 %3）</translation>
    </message>
    <message>
        <source>Changes the pixel limit in the settings and runs; fewer image tokens, coarser images</source>
        <translation>更改设置中的像素上限并运行；图像词元更少，图像更粗糙</translation>
    </message>
    <message>
        <source>No pixel limit brings this run under the threshold.</source>
        <translation>任何像素上限都无法使此次运行低于阈值。</translation>
    </message>
    <message>
        <source>Run on %1</source>
        <translation>在 %1 上运行</translation>
    </message>
    <message>
        <source>Run anyway</source>
        <translation>仍然运行</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Ask before runs longer than:</source>
        <translation>运行时间超过此值时先询问：</translation>
    </message>
</context>
<context>
    <name>migician::ui::RunEstimateActions</name>
    <message>
        <source>Speed measurement failed: %1</source>
        <translation>速度测量失败：%1</translation>
    </message>
    <message>
        <source>No estimate: %1</source>
        <translation>无法估算：%1</translation>
    </message>
    <message>
        <source>Measuring this machine&apos;s speed with a short query...</source>
        <translation>正在用一个简短查询测量本机速度...</translation>
    </message>
    <message>
        <source>Speed measurement cancelled.</source>
        <translation>速度测量已取消。</translation>
    </message>
    <message>
        <source>Speed measured: estimates now use it.</source>
        <translation>速度已测量：现在的估算将采用该速度。</translation>
    </message>
</context>
<context>
    <name>migician::ui::RunEstimateService</name>
    <message>
        <source>reading the checkpoint&apos;s tokenizer...</source>
        <translation>正在读取模型权重的分词器...</translation>
    </message>
    <message>
        <source>the remote endpoint answers: its server&apos;s speed is not known here</source>
        <translation>由远程端点回答：此处无法得知其服务器的速度</translation>
    </message>
    <message>
        <source>no Migician checkpoint: the built-in assistant answers at once</source>
        <translation>无 Migician 模型权重：内置助手会立即回答</translation>
    </message>
    <message>
        <source>under 1 s</source>
        <translation>不到 1 秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 个词元</translation>
    </message>
    <message>
        <source>%1 tokens (text %2 + images %3)</source>
        <translation>%1 个词元（文本 %2 + 图像 %3）</translation>
    </message>
    <message>
        <source>needs %1</source>
        <translation>需要 %1</translation>
    </message>
    <message>
        <source>needs %1, %2 free</source>
        <translation>需要 %1，可用 %2</translation>
    </message>
    <message>
        <source>~%1</source>
        <translation>~%1</translation>
    </message>
    <message>
        <source>~%1 (rough: from token counts, not measured here yet)</source>
        <translation>~%1（粗略：根据词元数估算，本机尚未测量）</translation>
    </message>
    <message>
        <source>Prompt: %1 tokens (text %2, images %3), up to %4 new tokens</source>
        <translation>提示词：%1 个词元（文本 %2，图像 %3），最多 %4 个新词元</translation>
    </message>
    <message>
        <source>Memory on %1 in %2: weights %3%4, KV cache %5, activations %6 (%7 attention), runtime %8</source>
        <translation>%1 上的内存（%2）：权重 %3%4，KV 缓存 %5，激活值 %6（%7注意力），运行时 %8</translation>
    </message>
    <message>
        <source> + %1 mapped checkpoint</source>
        <translation> + %1 映射的模型权重</translation>
    </message>
    <message>
        <source>fused</source>
        <translation>融合</translation>
    </message>
    <message>
        <source>explicit</source>
        <translation>显式</translation>
    </message>
    <message>
        <source>Still needed: %1 of %2 free</source>
        <translation>仍需：%1（可用 %2）</translation>
    </message>
    <message>
        <source>Time: vision %1, prefill %2, decode %3 (%4)</source>
        <translation>时间：视觉 %1，预填充 %2，解码 %3（%4）</translation>
    </message>
    <message>
        <source>this machine&apos;s measured speed</source>
        <translation>本机实测速度</translation>
    </message>
    <message>
        <source>an estimate from token counts only: no run measured on this machine yet</source>
        <translation>仅根据词元数估算：本机尚未测量过任何运行</translation>
    </message>
</context>
<context>
    <name>migician::ui::RunHistoryModel</name>
    <message numerus="yes">
        <source>[%n reference(s)] </source>
        <translation>
            <numerusform>[%n 个参考] </numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>已回答</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>后端</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Boxes</source>
        <translation>框</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>migician::ui::RunProgress</name>
    <message>
        <source>Loading weights: tensor %1 of %2</source>
        <translation>正在加载权重：第 %1 / %2 个张量</translation>
    </message>
    <message>
        <source>Vision tower: block %1 of %2</source>
        <translation>视觉塔：第 %1 / %2 个块</translation>
    </message>
    <message>
        <source>Prefill: layer %1 of %2</source>
        <translation>预填充：第 %1 / %2 层</translation>
    </message>
    <message>
        <source>Decoding: token %1 of up to %2</source>
        <translation>解码：第 %1 个词元（最多 %2 个）</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation>%1：%2 / %3</translation>
    </message>
    <message>
        <source> | ~%1 left</source>
        <translation> | 剩余约 %1</translation>
    </message>
    <message>
        <source> | %1 tokens/s</source>
        <translation> | %1 词元/秒</translation>
    </message>
    <message>
        <source> | %1 elapsed</source>
        <translation> | 已用 %1</translation>
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
    <message>
        <source>Local checkpoint</source>
        <translation>本地模型权重</translation>
    </message>
    <message>
        <source>Remote endpoint (vLLM, SGLang, llama.cpp, migician serve)</source>
        <translation>远程端点（vLLM、SGLang、llama.cpp、migician serve）</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>后端</translation>
    </message>
    <message>
        <source>Remote endpoint</source>
        <translation>远程端点</translation>
    </message>
    <message>
        <source>Built-in assistant (OpenCV)</source>
        <translation>内置助手（OpenCV）</translation>
    </message>
    <message>
        <source>Base URL:</source>
        <translation>基础 URL：</translation>
    </message>
    <message>
        <source>empty: the first model the server lists</source>
        <translation>留空：使用服务器列出的第一个模型</translation>
    </message>
    <message>
        <source>Served model:</source>
        <translation>服务模型：</translation>
    </message>
    <message>
        <source>empty: MIGICIAN_API_KEY, or no key</source>
        <translation>留空：使用 MIGICIAN_API_KEY，或不使用密钥</translation>
    </message>
    <message>
        <source>A file holding the key. The key itself is never stored in the settings, projects or exports.</source>
        <translation>保存密钥的文件。密钥本身绝不会保存在设置、项目或导出文件中。</translation>
    </message>
    <message>
        <source>API key file</source>
        <translation>API 密钥文件</translation>
    </message>
    <message>
        <source>API key file:</source>
        <translation>API 密钥文件：</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>silence allowed:</source>
        <translation>允许无响应：</translation>
    </message>
    <message>
        <source>Connect timeout:</source>
        <translation>连接超时：</translation>
    </message>
    <message>
        <source>more servers of the same model, for batch evaluation</source>
        <translation>提供同一模型的更多服务器，用于批量评测</translation>
    </message>
    <message>
        <source>in flight each:</source>
        <translation>每个的并发数：</translation>
    </message>
    <message>
        <source>More endpoints:</source>
        <translation>更多端点：</translation>
    </message>
    <message>
        <source>Automatic (the checkpoint&apos;s dtype)</source>
        <translation>自动（模型权重的 dtype）</translation>
    </message>
    <message>
        <source>Automatic (%1)</source>
        <translation>自动（%1）</translation>
    </message>
    <message>
        <source>The server answered in %1 ms but does not serve &apos;%2&apos;; it serves: %3</source>
        <translation>服务器在 %1 毫秒内响应，但不提供“%2”；它提供：%3</translation>
    </message>
    <message>
        <source>Connected in %1 ms. Models: %2</source>
        <translation>已连接，用时 %1 毫秒。模型：%2</translation>
    </message>
    <message>
        <source>No connection: %1</source>
        <translation>无法连接：%1</translation>
    </message>
    <message>
        <source>Connecting to %1...</source>
        <translation>正在连接 %1...</translation>
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
    <name>migician::ui::StudyExportDialog</name>
    <message>
        <source>Copy the images beside it (self-contained); otherwise refer to them by a relative path</source>
        <translation>将图像复制到该文件旁边（自包含）；否则通过相对路径引用图像</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Export study &quot;%1&quot; for an annotator</source>
        <translation>为标注者导出研究“%1”</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>浏览...</translation>
    </message>
    <message>
        <source>Annotator:</source>
        <translation>标注者：</translation>
    </message>
    <message>
        <source>Write to:</source>
        <translation>写入到：</translation>
    </message>
    <message>
        <source>Export for annotator</source>
        <translation>为标注者导出</translation>
    </message>
    <message>
        <source>Migician projects (*.migician)</source>
        <translation>Migician 项目 (*.migician)</translation>
    </message>
    <message>
        <source>Choose the annotator and the file to write.</source>
        <translation>请选择标注者和要写入的文件。</translation>
    </message>
    <message>
        <source>Exporting...</source>
        <translation>正在导出...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Wrote %1: %2 cases of %3 (%4 already answered), images %5.</source>
        <translation>已写入 %1：%3 的 %2 个案例（%4 个已作答），图像%5。</translation>
    </message>
    <message>
        <source>copied to %1 (%2 files)</source>
        <translation>已复制到 %1（%2 个文件）</translation>
    </message>
    <message>
        <source>referenced as %1</source>
        <translation>以 %1 引用</translation>
    </message>
    <message>
        <source>%1 image file(s) were missing.</source>
        <translation>有 %1 个图像文件缺失。</translation>
    </message>
</context>
<context>
    <name>migician::ui::StudyListPage</name>
    <message>
        <source>Start / resume</source>
        <translation>开始 / 继续</translation>
    </message>
    <message>
        <source>New study...</source>
        <translation>新建研究...</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Export for annotator...</source>
        <translation>为标注者导出...</translation>
    </message>
    <message>
        <source>Merge responses...</source>
        <translation>合并作答...</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>你的名字</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>研究</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案例</translation>
    </message>
    <message>
        <source>Annotators</source>
        <translation>标注者</translation>
    </message>
    <message>
        <source>Responses</source>
        <translation>作答</translation>
    </message>
    <message>
        <source>Your cases</source>
        <translation>你的案例</translation>
    </message>
    <message>
        <source>Annotator:</source>
        <translation>标注者：</translation>
    </message>
    <message>
        <source>Enter your name first.</source>
        <translation>请先输入你的名字。</translation>
    </message>
    <message>
        <source>This file holds the cases of %1, exported from %2. When you are done, send the file back to be merged.</source>
        <translation>此文件包含 %1 的案例，导出自 %2。完成后，请将文件发回以便合并。</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>not an annotator of this study</source>
        <translation>不是此研究的标注者</translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation>已完成 %1 / %2</translation>
    </message>
    <message>
        <source>assisted (run #%1)</source>
        <translation>辅助（运行 #%1）</translation>
    </message>
    <message>
        <source>blind</source>
        <translation>盲测</translation>
    </message>
    <message>
        <source>%1 (%2 per task)</source>
        <translation>%1（每个任务 %2 个）</translation>
    </message>
    <message>
        <source>open</source>
        <translation>开放</translation>
    </message>
    <message>
        <source>%1 (%2 per case)</source>
        <translation>%1（每个案例 %2 人）</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>This file holds no study.</source>
        <translation>此文件不包含研究。</translation>
    </message>
    <message>
        <source>This project has no study yet: create one with New study...</source>
        <translation>此项目还没有研究：请用“新建研究...”创建一个。</translation>
    </message>
    <message>
        <source>Merge responses from annotators&apos; files</source>
        <translation>合并标注者文件中的作答</translation>
    </message>
    <message>
        <source>Migician projects (*.migician);;All files (*)</source>
        <translation>Migician 项目 (*.migician);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1: %2 added, %3 replaced by later answers, %4 already merged, %5 kept (the project&apos;s were later); progress of %6 open cases (annotators: %7).</source>
        <translation>%1：新增 %2 条，%3 条被更晚的回答替换，%4 条此前已合并，保留 %5 条（项目中的回答更晚）；更新了 %6 个未完成案例的进度（标注者：%7）。</translation>
    </message>
    <message>
        <source>Merge responses</source>
        <translation>合并作答</translation>
    </message>
</context>
<context>
    <name>migician::ui::StudyReportPage</name>
    <message>
        <source>Back to the studies</source>
        <translation>返回研究列表</translation>
    </message>
    <message>
        <source>Save as Markdown...</source>
        <translation>另存为 Markdown...</translation>
    </message>
    <message>
        <source>Save as CSV...</source>
        <translation>另存为 CSV...</translation>
    </message>
    <message>
        <source>Save as JSON...</source>
        <translation>另存为 JSON...</translation>
    </message>
    <message>
        <source>No report to save.</source>
        <translation>没有可保存的报告。</translation>
    </message>
    <message>
        <source>%1: cannot write the report: %2</source>
        <translation>%1：无法写入报告：%2</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Save the study report</source>
        <translation>保存研究报告</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>migician::ui::StudyWindow</name>
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
        <source>Drag a box on the image that holds the answer, then submit; or skip.</source>
        <translation>在包含答案的图像上拖出一个框，然后提交；或者跳过。</translation>
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
        <source>Thank you, you have finished your cases of this study.</source>
        <translation>谢谢！你已完成本研究中分配给你的全部案例。</translation>
    </message>
    <message>
        <source>Send this file back (%1) to be merged into the study&apos;s project; the report is made there.</source>
        <translation>请将此文件（%1）发回，以合并到该研究所在的项目中；报告将在那里生成。</translation>
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
    <message>
        <source>No remote endpoint is configured (Settings, Backend).</source>
        <translation>未配置远程端点（设置 &gt; 后端）。</translation>
    </message>
    <message>
        <source>The query needs the Migician checkpoint.</source>
        <translation>此查询需要 Migician 模型权重。</translation>
    </message>
</context>
</TS>
