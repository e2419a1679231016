<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>QObject</name>
    <message>
        <source>Acc@0.5 (%)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Free-form multi-image visual grounding.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Render the main window to FILE.png and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window size, e.g. 1280x800.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User interface language (en, zh_CN, ko).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the bundled demo case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open or create this project file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migician checkpoint folder (also MIGICIAN_MODEL_DIR).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>migician::annotate</name>
    <message>
        <source>%1 cases, %2 responses by %3 annotator(s), %4 skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active time per case: mean %1 s, median %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acc@0.5 (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>95% interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean IoU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>average over tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image-aware Acc@0.5 (a box in the wrong image is a miss): %1%.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement between annotators: mean IoU %1, Acc@0.5 %2% over %3 comparisons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement between annotators: needs two annotators on common cases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model runs on the same cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Humans</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>migician::ui::AnswerPanel</name>
    <message>
        <source>Choose Migician checkpoint folder...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Answer&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer appears here, token by token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Answered by %1 in %2 ms, %n box(es)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>migician::ui::BatchEvaluationWindow</name>
    <message>
        <source>Seeded random sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in &amp;dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MIG-Bench JSON file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder the bench&apos;s image paths are relative to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v of %m cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bench file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images root:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backend:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cases selected, %2 already in the project, %3 to run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused after %1 of %2 cases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled after %1 of %2 cases; start again to resume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished: %1 predictions in %2; results in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project open: open or create one first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migician (%1, %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in assistant (OpenCV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 cases)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a project first: the predictions are stored in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a bench file, its images root and a results file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one task.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing (loading the backend and the project)...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pausing after the current case...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resuming.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling after the current case...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled; start again to resume where it stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ETA %1 (last case %2 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case %1 done in %2 s (%3/%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MIG-Bench file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images root</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>migician::ui::BatchEvaluationWorker</name>
    <message>
        <source>%1: the images root is not a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no case of the chosen tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no paused evaluation to resume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot write the results: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>migician::ui::BoxCommands</name>
    <message>
        <source>Create box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move box to Image-%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject box</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>migician::ui::CaseScene</name>
    <message>
        <source>Image-%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(image could not be read)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ground truth</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>migician::ui::CaseSession</name>
    <message>
        <source>No project is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case is open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>migician::ui::DashboardWindow</name>
    <message>
        <source>Run %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluation dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table 1 (Acc@0.5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IoU histogram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy vs IoU threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency per case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Humans vs model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export plot...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy table as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy table as Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AVE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IoU with the ground truth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cases (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IoU threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all cases, Acc@0.5 with 95% interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acc@0.5 (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png);;PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>migician::ui::DemoProject</name>
    <message>
        <source>%1: cannot create the demo folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot copy the demo file to %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>migician::ui::ExportDialog</name>
    <message>
        <source>%1: unknown export format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MIG-Bench JSON: one record per case with images, question and box.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>COCO detection JSON: images, categories and boxes in pixels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV: one row per case, normalised and pixel corners.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ODVG JSON lines for grounding training (GroundingDINO style).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LLaMA-Factory ShareGPT JSON with Migician-format answers, for fine-tuning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 case(s) to %2 (%3 from annotations, %4 from ground truth; skipped: %5 without a box, %6 without image size).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>migician::ui::InferenceWorker</name>
    <message>
        <source>Out of memory while answering the query; try smaller images (max pixels in the settings) or another device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inference failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inference failed with an unknown error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model loaded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>migician::ui::MainWindow</name>
    <message>
        <source>Migician Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open project...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open image &amp;folder...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canvas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1:1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New box (W)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crop (C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt sent to the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migician projects (*.migician);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open image folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a project first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the Migician checkpoint folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a usable Migician checkpoint:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backend: built-in assistant (OpenCV) | no Migician checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backend: Migician | device %1 | %2 | model %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case open</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Case %1 of %2 | %n image(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>cannot write the screenshot to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>migician::ui::MoveBoxMenu</name>
    <message>
        <source>&amp;Move box to image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image-%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>migician::ui::OpenCvAssistant</name>
    <message>
        <source>Built-in assistant (OpenCV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This question needs the Migician model. The built-in assistant can only find a cropped visual reference in the other images, or the difference between two images. Choose a Migician checkpoint folder to answer free-form questions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The visual reference is empty or too small to search for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No other image to search in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>template matching, best score %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One of the two images is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two images look the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No changed region found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two images hardly overlap after alignment; no difference can be measured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>aligned by a homography from %1 ORB feature matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>aligned by ECC (affine), feature matching failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alignment failed, the second image was only resized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not aligned, the second image was only resized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image difference, %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>migician::ui::QueryPanel</name>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Query&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask about the images, e.g. &quot;Where is the red cup in Image-2?&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark phrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap the selected words in &lt;|object_ref_start|&gt; ... &lt;|object_ref_end|&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crop reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag a rectangle on any image: the crop becomes an extra input image (C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No visual reference. Use the crop tool to add one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the query (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visual reference %1: refer to it as &quot;%1&quot; in the query. Click to remove.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>migician::ui::ResearchWindows</name>
    <message>
        <source>&amp;Research</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dashboard...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Review queue...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Study mode...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Batch evaluation...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a project first: studies live in a project.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>migician::ui::ReviewQueueWindow</name>
    <message>
        <source>&amp;Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Correct the model&apos;s box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model vs ground truth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model vs human annotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IoU from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IoU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous case in the queue (P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next case in the queue (N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the model&apos;s box on the canvas to move or resize it; the change is saved as a correction (E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest prediction of each case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1: %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a project to review its predictions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 (case %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to review</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) to review</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The model gave no box for this case: draw one with the New box tool (W).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press N (or Next) to open the first case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 | IoU %3 | %4
Model answer: %5</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>migician::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: built-in assistant only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migician checkpoint folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> x 28x28 px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min pixels per image:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max pixels per image:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max new tokens:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language (after restart):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the Migician checkpoint folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No checkpoint: the built-in assistant (OpenCV) answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder looks like a usable checkpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not usable: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>migician::ui::StudyCaseView</name>
    <message>
        <source>Image-%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>migician::ui::StudyWindow</name>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit (resume later)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotator:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag a box on the image that holds the answer, then submit; or skip.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (assisted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (blind)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This project has no study yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your name first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 of %2 - annotator %3 - study %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank you, the study is done.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>migician::ui::WorkbenchController</name>
    <message numerus="yes">
        <source>Case %1 (%n image(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1: not a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case %1 in this project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image-%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a case first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a query or crop a visual reference first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A query is still running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 is not in the open project.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
