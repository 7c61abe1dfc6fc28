// The owners' page: plain JavaScript, text only (owners' and staff text is never parsed as HTML).
(function () {
  'use strict';
  var message = document.getElementById('message');

  function show(kind, text) {
    message.className = kind;
    message.textContent = text;
  }

  document.querySelectorAll('nav button').forEach(function (button) {
    button.addEventListener('click', function () {
      document.querySelectorAll('nav button, .tab').forEach(function (el) { el.classList.remove('active'); });
      button.classList.add('active');
      document.getElementById(button.getAttribute('data-tab')).classList.add('active');
      message.className = '';
    });
  });

  function option(select, value, label) {
    var o = document.createElement('option');
    o.value = value;
    o.textContent = label;
    select.appendChild(o);
  }

  // project → building → unit, from /owner/api/units
  fetch('api/units').then(function (r) { return r.json(); }).then(function (units) {
    document.querySelectorAll('.unit-picker').forEach(function (picker) {
      var project = document.createElement('select');
      var building = document.createElement('select');
      var unit = document.createElement('select');
      unit.name = 'unitCode';
      [['项目', project], ['楼栋', building], ['房号', unit]].forEach(function (pair) {
        var label = document.createElement('label');
        label.textContent = pair[0];
        label.appendChild(pair[1]);
        picker.appendChild(label);
      });
      function fill(select, rows, valueKey, labelKey) {
        select.textContent = '';
        option(select, '', '请选择');
        var seen = {};
        rows.forEach(function (row) {
          if (!seen[row[valueKey]]) {
            seen[row[valueKey]] = true;
            option(select, row[valueKey], row[labelKey]);
          }
        });
      }
      fill(project, units, 'projectCode', 'projectName');
      project.addEventListener('change', function () {
        fill(building, units.filter(function (u) { return u.projectCode === project.value; }), 'buildingCode', 'buildingName');
        fill(unit, [], 'unitCode', 'roomNo');
      });
      building.addEventListener('change', function () {
        fill(unit, units.filter(function (u) { return u.buildingCode === building.value; }), 'unitCode', 'roomNo');
      });
    });
  });

  function post(path, body, key) {
    var headers = { 'Content-Type': 'application/json' };
    if (key) { headers['Idempotency-Key'] = key; }
    return fetch(path, { method: 'POST', headers: headers, body: JSON.stringify(body) }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (json) { return { ok: r.ok, status: r.status, json: json }; });
    });
  }

  function problem(result) {
    var lines = [result.json.title || '提交失败'];
    (result.json.errors || []).forEach(function (e) { lines.push('· ' + e.message); });
    if (!result.json.errors && result.json.detail) { lines.push(result.json.detail); }
    return lines.join('\n');
  }

  function values(form) {
    var data = {};
    new FormData(form).forEach(function (value, name) { data[name] = value; });
    return data;
  }

  function submitter(formId, path) {
    var form = document.getElementById(formId);
    var key = null;
    form.addEventListener('input', function () { key = null; });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      key = key || (window.crypto && crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random());
      var data = values(form);
      if (data.preferredTime) {
        data.preferredTime = data.preferredTime + ':00+08:00';
      } else {
        delete data.preferredTime;
      }
      post(path, data, key).then(function (result) {
        if (result.ok) {
          show('ok', '已受理，编号 ' + result.json.caseNumber + '\n' + result.json.commitment + '\n请保存编号，凭编号和登记电话查询进度。');
          form.reset();
          key = null;
        } else {
          show('error', problem(result));
        }
      });
    });
  }
  submitter('complaint-form', 'api/complaints');
  submitter('repair-form', 'api/repairs');

  var trackForm = document.getElementById('track-form');
  var trackResult = document.getElementById('track-result');
  trackForm.addEventListener('submit', function (event) {
    event.preventDefault();
    post('api/track', values(trackForm)).then(function (result) {
      trackResult.textContent = '';
      if (!result.ok) {
        show('error', result.status === 404 ? '没有找到与该电话匹配的案件' : problem(result));
        return;
      }
      message.className = '';
      var c = result.json;
      var title = document.createElement('h3');
      title.textContent = c.caseNumber + '　' + c.statusLabel;
      trackResult.appendChild(title);
      var list = document.createElement('ul');
      list.className = 'timeline';
      c.timeline.concat(c.deadlines).forEach(function (step) {
        var li = document.createElement('li');
        var what = document.createElement('div');
        what.textContent = step.what;
        var when = document.createElement('div');
        when.className = 'when';
        when.textContent = step.at || '';
        li.appendChild(what);
        li.appendChild(when);
        if (step.detail) {
          var detail = document.createElement('div');
          detail.className = 'detail';
          detail.textContent = step.detail;
          li.appendChild(detail);
        }
        list.appendChild(li);
      });
      trackResult.appendChild(list);
      var lookup = values(trackForm);
      if (c.rating) {
        var rated = document.createElement('p');
        rated.textContent = '您的评价：' + c.rating + ' 分，感谢您的反馈。';
        trackResult.appendChild(rated);
      }
      if (c.canRate) {
        trackResult.appendChild(ratingForm(c.caseNumber, lookup.phone));
      }
      if (c.canConfirm) {
        trackResult.appendChild(confirmForm(c.caseNumber, lookup.phone));
      }
    });
  });

  function labelled(text, control) {
    var label = document.createElement('label');
    label.textContent = text;
    label.appendChild(control);
    return label;
  }

  function ratingForm(caseNumber, phone) {
    var form = document.createElement('form');
    form.id = 'rating-form';
    var score = document.createElement('select');
    score.name = 'score';
    [5, 4, 3, 2, 1].forEach(function (n) { option(score, String(n), n + ' 分'); });
    var comment = document.createElement('textarea');
    comment.name = 'comment';
    comment.maxLength = 1000;
    var button = document.createElement('button');
    button.type = 'submit';
    button.textContent = '提交评价';
    form.appendChild(labelled('为本次服务评分', score));
    form.appendChild(labelled('意见（可选）', comment));
    form.appendChild(button);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      post('api/rate', { caseNumber: caseNumber, phone: phone, score: Number(score.value), comment: comment.value })
        .then(function (result) {
          show(result.ok ? 'ok' : 'error', result.ok ? '感谢您的评价！' : problem(result));
          if (result.ok) { form.remove(); }
        });
    });
    return form;
  }

  function confirmForm(caseNumber, phone) {
    var form = document.createElement('form');
    form.id = 'confirm-form';
    var comment = document.createElement('textarea');
    comment.name = 'comment';
    comment.maxLength = 1000;
    var yes = document.createElement('button');
    yes.type = 'submit';
    yes.textContent = '确认整改完成';
    var no = document.createElement('button');
    no.type = 'button';
    no.textContent = '不认可，需要返工';
    form.appendChild(labelled('意见（不认可时必填）', comment));
    form.appendChild(yes);
    form.appendChild(no);
    function answer(satisfied) {
      post('api/defects/confirm', { caseNumber: caseNumber, phone: phone, satisfied: satisfied, comment: comment.value })
        .then(function (result) {
          show(result.ok ? 'ok' : 'error', result.ok
            ? (satisfied ? '已确认，感谢您的配合。' : '已通知返工，我们会尽快处理。') : problem(result));
          if (result.ok) { form.remove(); }
        });
    }
    form.addEventListener('submit', function (event) { event.preventDefault(); answer(true); });
    no.addEventListener('click', function () { answer(false); });
    return form;
  }
})();
