<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>QObject</name>
    <message>
        <source>Acc@0.5 (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
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
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acc@0.5 (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean IoU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement between annotators: needs two annotators on common cases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project has no cases to sample.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the number of cases per task (at least 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task &apos;%1&apos; has no case in this project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task &apos;%1&apos; has no case with ground truth: nothing to score the answers against.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task &apos;%1&apos; has only %2 case(s) with ground truth, fewer than the %3 asked for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task &apos;%1&apos;: %2 case(s) without ground truth are left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fraction %1 of task &apos;%2&apos; is not in 0..1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotator &apos;%1&apos; is listed twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The overlap (annotators per case) must be between 1 and the number of annotators (%1), not %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An assisted study shows the boxes of an evaluation run: choose one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project has no run #%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run #%1 has no prediction for %2 of the sampled cases: they are shown without a suggestion.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A study needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project already has a study named &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spontaneous grounding: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referential grounding: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other tasks: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acc@0.5 (%), MIG-Bench Table 1 layout. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AVE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>95% Wilson intervals of Acc@0.5 (%), and n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per row, over all its cases (a skipped case counts as a miss)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skip rate (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>median s/case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acc@0.3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acc@0.5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acc@0.7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acc@0.5 [95%]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement between annotators on the cases both answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>common cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study &quot;%1&quot;: %2, %3 cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (%1 per task)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, seed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, suggestions of run #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, annotators %1 with %2 per case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Human (all annotators)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run #%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 responses, %2 skipped (skip rate %3%); median active time per case %4 s.</source>
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
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU (CUDA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (the checkpoint&apos;s dtype)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Official MIG-Bench protocol: every image, then the question with the format suffix; the checkpoint&apos;s generation settings; at most 128 new tokens; images at their native size (within the qwen-vl-utils limits).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>http://gpu1:8000 http://gpu2:8000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Servers of the same model, separated by spaces; a case that fails on one is tried on another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests in flight per endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoints:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backend ready (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case %1 failed (not scored; retried when the run is started again): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) failed and are not scored; start the run again to retry them.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Finished, %n case(s) failed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Migician (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote endpoints</source>
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
    <message>
        <source>Endpoint left out: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>official MIG-Bench protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deviating from the official protocol: %1</source>
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
    <name>migician::ui::CaseCanvas</name>
    <message>
        <source>Move Image-%1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Image-%1 right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Image-%1 from the case</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>migician::ui::CaseComposition</name>
    <message>
        <source>Open a project or an image folder first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No image files to make a case of.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the images (or cases) to make a case of first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No image files to add.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clipboard holds no image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot create the project&apos;s media folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot write the pasted image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No image %1 to move to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Image-%1 to remove.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A case keeps at least one image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still reading the images of the last new case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was closed before the new case&apos;s images were read; the case was not made.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>migician::ui::CaseImageCommands</name>
    <message>
        <source>Add image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add %1 images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Image-%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Image-%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>migician::ui::CaseListView</name>
    <message>
        <source>Ctrl/Shift+click or drag a rectangle to select several, then Ctrl+N makes one case of them; drop image files or folders here to make a case of them</source>
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
    <message>
        <source>Drag onto another image to move Image-%1 there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run %1</source>
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
    <message>
        <source>Already in the case, not added again: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>migician::ui::CompositionActions</name>
    <message>
        <source>&amp;New case from selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New case from selection (file order)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move image &amp;left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move image &amp;right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove image from case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One case of the selected images, in the order they were selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The query names images that moved: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n visual reference(s) of that run were cut from images no longer in the case.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reading %n image(s) for the new case...</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New case</source>
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
    <message>
        <source>%1: %2</source>
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
    <name>migician::ui::GroundingBackend</name>
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
    <name>migician::ui::HistoryPanel</name>
    <message>
        <source>Re-run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy to query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;History&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a run to see its answer and show its boxes again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the selected entry&apos;s query and references again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the selected entry&apos;s query and references into the query box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 by %2, %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backend: %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>total %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first text %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backend %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timings: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference: crop of Image-%1 (%2, %3)-(%4, %5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference: crop of an image no longer in the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 | %n box(es) of earlier runs hidden</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The canvas shows the latest answer only; select an earlier run to see its boxes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>migician::ui::ImageNames</name>
    <message>
        <source>Image-%1 is now Image-%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image-%1 is no longer in the case</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>migician::ui::ImageWarningBar</name>
    <message>
        <source>Use the files as they are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the changed files&apos; current content as the project&apos;s images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image-%1 (%2) is missing: the file was moved, renamed or deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image-%1 (%2) changed on disk since it was added to the project (its content differs): boxes may no longer fit.</source>
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
        <source>The remote endpoint did not answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server busy (%1); try %2 in %3 s</source>
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
    <message>
        <source>New pro&amp;ject...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migician projects (*.migician)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backend: built-in assistant (OpenCV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backend: remote endpoint %1 | model %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the server&apos;s first)</source>
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
    <name>migician::ui::NewStudyDialog</name>
    <message>
        <source>Blind: no model boxes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assisted: the boxes of a run as suggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. human baseline, spring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same seed draws the same cases and the same order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>names separated by commas; empty = anyone who starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many annotators see each case; 2 or more measures agreement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases per task:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotators:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotators per case:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2): %3 cases with ground truth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no run with predictions in this project)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick at least one task.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cases: %2 per task over %3 task(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, about %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open study: every annotator who starts gets all %1 cases%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 cases%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases per annotator (each case seen by %1): %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time estimated from the pilot timings: median %1 s per case over %2 earlier responses in this project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pilot timings yet: run a small pilot study first for a time estimate.</source>
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
    <name>migician::ui::OpenFolderDialog</name>
    <message>
        <source>Open image folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One case per image (compose cases from them later)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One case per subfolder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One case of all images</source>
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
    <message>
        <source>Update the query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename the query&apos;s Image-k names to the images&apos; new numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run a short calibration query with the model, so estimates use this machine&apos;s measured speed</source>
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
    <message>
        <source>&amp;New study...</source>
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
    <name>migician::ui::RunConfirmDialog</name>
    <message>
        <source>This run may not fit in memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This run may take long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It needs about %1 more memory, and %2 is free.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is estimated to take %1, more than the %2 you allow without asking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run has been measured on this machine yet: the time is a rough estimate from the token counts (Measure speed makes it exact).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use max %1 x 28x28 px per image (%2 tokens, ~%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes the pixel limit in the settings and runs; fewer image tokens, coarser images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pixel limit brings this run under the threshold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask before runs longer than:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>migician::ui::RunEstimateActions</name>
    <message>
        <source>Speed measurement failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No estimate: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measuring this machine&apos;s speed with a short query...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed measurement cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed measured: estimates now use it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>migician::ui::RunEstimateService</name>
    <message>
        <source>reading the checkpoint&apos;s tokenizer...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the remote endpoint answers: its server&apos;s speed is not known here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no Migician checkpoint: the built-in assistant answers at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>under 1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tokens (text %2 + images %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs %1, %2 free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>~%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>~%1 (rough: from token counts, not measured here yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt: %1 tokens (text %2, images %3), up to %4 new tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory on %1 in %2: weights %3%4, KV cache %5, activations %6 (%7 attention), runtime %8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> + %1 mapped checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>explicit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still needed: %1 of %2 free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time: vision %1, prefill %2, decode %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this machine&apos;s measured speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an estimate from token counts only: no run measured on this machine yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>migician::ui::RunHistoryModel</name>
    <message numerus="yes">
        <source>[%n reference(s)] </source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boxes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>migician::ui::RunProgress</name>
    <message>
        <source>Loading weights: tensor %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vision tower: block %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefill: layer %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decoding: token %1 of up to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> | ~%1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> | %1 tokens/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> | %1 elapsed</source>
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
    <message>
        <source>Local checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote endpoint (vLLM, SGLang, llama.cpp, migician serve)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in assistant (OpenCV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: the first model the server lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Served model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: MIGICIAN_API_KEY, or no key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file holding the key. The key itself is never stored in the settings, projects or exports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>silence allowed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more servers of the same model, for batch evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in flight each:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More endpoints:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (the checkpoint&apos;s dtype)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered in %1 ms but does not serve &apos;%2&apos;; it serves: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected in %1 ms. Models: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connection: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1...</source>
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
    <name>migician::ui::StudyExportDialog</name>
    <message>
        <source>Copy the images beside it (self-contained); otherwise refer to them by a relative path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export study &quot;%1&quot; for an annotator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotator:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export for annotator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migician projects (*.migician)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the annotator and the file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1: %2 cases of %3 (%4 already answered), images %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>copied to %1 (%2 files)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>referenced as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 image file(s) were missing.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>migician::ui::StudyListPage</name>
    <message>
        <source>Start / resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New study...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export for annotator...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge responses...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotator:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your name first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file holds the cases of %1, exported from %2. When you are done, send the file back to be merged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an annotator of this study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>assisted (run #%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 per task)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 per case)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file holds no study.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This project has no study yet: create one with New study...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge responses from annotators&apos; files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migician projects (*.migician);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 added, %3 replaced by later answers, %4 already merged, %5 kept (the project&apos;s were later); progress of %6 open cases (annotators: %7).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge responses</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>migician::ui::StudyReportPage</name>
    <message>
        <source>Back to the studies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as Markdown...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as CSV...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as JSON...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No report to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot write the report: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the study report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>migician::ui::StudyWindow</name>
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
        <source>Drag a box on the image that holds the answer, then submit; or skip.</source>
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
        <source>Thank you, you have finished your cases of this study.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send this file back (%1) to be merged into the study&apos;s project; the report is made there.</source>
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
    <message>
        <source>No remote endpoint is configured (Settings, Backend).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The query needs the Migician checkpoint.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
